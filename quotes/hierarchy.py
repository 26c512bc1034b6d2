"""Organizations inside organizations: a ministry's departments, an alliance's committees."""

from quotes.models import Organization


def organization_members(organizations: list[Organization]) -> dict[int, list[int]]:
    """Each organization's id with the ids of all its descendants (a ministry's departments, an
    alliance's committees), from one query over the organizations' parent links."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in Organization.objects.order_by().values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    members = {}
    for organization in organizations:
        found, todo = [], [organization.pk]
        while todo:
            pk = todo.pop()
            if pk not in found:  # a cycle the constraints cannot rule out ends here
                found.append(pk)
                todo.extend(children.get(pk, ()))
        members[organization.pk] = sorted(found)
    return members
