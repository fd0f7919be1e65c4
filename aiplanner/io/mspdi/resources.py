"""MSPDI resources and assignments -> roles, people, assignments and role demands."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from aiplanner.io.reading import sanitize_id, slugify, unique_id
from aiplanner.io.mspdi.calendar import calendars_by_uid, child_text, exception_ranges, local, scan
from aiplanner.io.mspdi.common import RESOURCE_ID_FIELD, RESOURCE_ROLES_FIELD

__all__ = ["read_resources"]


def _number(text: str | None, default: float) -> float:
    try:
        value = float(text) if text else default
    except ValueError:
        return default
    return value if value == value and abs(value) != float("inf") else default


def read_resources(root: Element, fields: set[str], uid_to_id: dict[str, str], tasks: dict[str, dict],
                   warnings: list[str]) -> tuple[list[dict], list[dict], list[dict]]:
    """Roles, people and assignments; role demands are added to ``tasks`` in place."""
    roles: dict[str, dict] = {}  # role name -> role
    used_roles: set[str] = set()
    people: list[dict] = []
    used_people: set[str] = set()
    assignments: list[dict] = []
    res_roles: dict[str, list[str]] = {}  # resource UID -> role ids

    def role_for(name: str, given: str | None = None) -> str:
        key = f"id:{given}" if given else name
        if key not in roles:
            base = sanitize_id(given) if given else slugify(name, "role")
            roles[key] = {"id": unique_id(base, used_roles), "name": name[:500]}
        return roles[key]["id"]

    def ext(extended: list[Element], field: str) -> str | None:
        if field not in fields:
            return None
        for child in extended:
            if child_text(child, "FieldID") == field:
                return child_text(child, "Value")
        return None

    def given_roles(extended: list[Element]) -> list[tuple[str, float]]:
        """Our Text2: ``role`` or ``role=share`` (the person's share of the role), comma-separated."""
        out = []
        for part in (ext(extended, RESOURCE_ROLES_FIELD) or "").split(","):
            rid, _, share = part.partition("=")
            value = _number(share, 1.0) if share.strip() else 1.0
            if rid.strip():
                out.append((rid.strip(), value if 0 < value <= 1 else 1.0))
        return out

    def roles_of(group: str, fallback: str, extended: list[Element]) -> list[str]:
        """Role ids of a resource: names from ``Group`` (split on ';', else ','), ids from Text2."""
        given = [rid for rid, _share in given_roles(extended)]
        if len(given) == 1 and group.strip():
            return [role_for(group.strip(), given[0])]
        names = [g.strip() for g in group.split(";" if ";" in group else ",") if g.strip()] or [fallback]
        if len(given) != len(names):
            given = [None] * len(names)  # type: ignore[list-item]
        return [role_for(name, gid) for name, gid in zip(names, given)]

    ungrouped = []
    calendars = calendars_by_uid(root)
    for block in root:
        if local(block.tag) != "Resources":
            continue
        for res in block:
            if local(res.tag) != "Resource":
                continue
            row, _links, extended = scan(res)
            uid = row.get("UID", "")
            name = row.get("Name", "")
            if row.get("IsNull") == "1" or not name:
                continue
            kind = row.get("Type") or "1"
            if kind != "1":
                warnings.append(f"resource UID {uid}: {'material' if kind == '0' else 'cost'} resource {name!r} "
                                "is not imported")
                continue
            group = row.get("Group", "")
            if row.get("IsGeneric") == "1":
                res_roles[uid] = roles_of(group, name, extended)
                continue
            if not group.strip(" ,;"):
                ungrouped.append(name)
            role_ids = roles_of(group, name, extended)
            res_roles[uid] = role_ids
            capacity = _number(row.get("MaxUnits"), 1.0)
            if capacity > 10:
                capacity /= 100  # some writers give percent
            given = ext(extended, RESOURCE_ID_FIELD)
            pid = unique_id(sanitize_id(given) if given else slugify(name, "person"), used_people)
            person = {"id": pid, "name": name[:500], "capacity": min(max(capacity, 0.0), 10.0)}
            own = calendars.get(row.get("CalendarUID", "")) if row.get("CalendarUID") not in (None, "", "-1") else None
            if own is not None:
                person["absences"] = [{"start": first, "end": last, "note": "" if label == "Absence" else label[:500]}
                                      for first, last, working, label in exception_ranges(own, warnings)
                                      if not working]
            people.append(person)
            shares = given_roles(extended)
            share_of = ({r: share for r, (_gid, share) in zip(role_ids, shares)}
                        if len(shares) == len(role_ids) else {})
            assignments += [{"person": pid, "role": r, "share": share_of.get(r, 1.0)} for r in dict.fromkeys(role_ids)]
    if ungrouped:
        shown = ", ".join(repr(n) for n in ungrouped[:5]) + (" ..." if len(ungrouped) > 5 else "")
        warnings.append(f"resources without a group became roles of their own: {shown}")
    demands: dict[str, dict[str, float]] = {}
    for block in root:
        if local(block.tag) != "Assignments":
            continue
        for node in block:
            if local(node.tag) != "Assignment":
                continue
            row = scan(node)[0]
            task_uid = row.get("TaskUID", "")
            res_uid = row.get("ResourceUID", "")
            tid = uid_to_id.get(task_uid)
            if res_uid not in res_roles:
                if res_uid not in ("", "-65535", "0"):
                    warnings.append(f"assignment UID {row.get('UID')}: resource UID {res_uid} is not "
                                    "imported (assignment dropped)")
                continue
            if not tid:
                warnings.append(f"assignment UID {row.get('UID')}: task UID {task_uid} is a summary, inactive or "
                                "unknown (assignment dropped)")
                continue
            units = _number(row.get("Units"), 1.0)
            if units > 100:
                units /= 100
            if units <= 0:
                continue
            share = units / len(res_roles[res_uid])
            for role_id in res_roles[res_uid]:
                per_task = demands.setdefault(tid, {})
                per_task[role_id] = per_task.get(role_id, 0.0) + share
    for tid, per_role in demands.items():
        tasks[tid]["demands"] = [{"role": r, "fte": round(min(f, 100.0), 4)} for r, f in per_role.items()]
    _listed_demands(tasks, roles, warnings)
    return list(roles.values()), people, assignments


def _listed_demands(tasks: dict[str, dict], roles: dict[str, dict], warnings: list[str]) -> None:
    """Demands our exporter wrote in Text2 win over those read back from assignments."""
    known = {r["id"] for r in roles.values()}
    for tid, task in tasks.items():
        listed = task.pop("_demands", None)
        if listed is None:
            continue
        found = []
        for part in listed.split(";"):
            role, _, fte = part.partition("=")
            value = _number(fte, -1.0)
            if role.strip() in known and 0 < value <= 100:
                found.append({"role": role.strip(), "fte": value})
            elif part.strip():
                warnings.append(f"task {tid!r}: role demand {part.strip()!r} names no imported role (ignored)")
        task["demands"] = found
