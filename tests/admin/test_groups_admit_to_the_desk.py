"""A research role is enough to log in to the desk: the staff flag follows role membership."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from quotes.roles import ANNOTATORS, EDITORS, REVIEWERS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def is_staff(user) -> bool:
    user.refresh_from_db()
    return user.is_staff


def logs_in_to_the_desk(user) -> bool:
    client = Client()
    client.post(
        reverse("admin:login"),
        {"username": user.username, "password": PASSWORD, "next": reverse("admin:index")},
    )
    return client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("role", [ANNOTATORS, EDITORS, REVIEWERS])
def test_user_added_to_a_role_logs_in_without_ticking_staff_status(role):
    user = UserFactory(username="newcomer")
    assert not logs_in_to_the_desk(user)
    user.groups.add(Group.objects.get(name=role))
    assert user.is_staff and is_staff(user)
    assert logs_in_to_the_desk(user)


def test_adding_members_from_the_groups_side_admits_them_too():
    first, second = UserFactory(), UserFactory()
    Group.objects.get(name=ANNOTATORS).user_set.add(first, second)
    assert is_staff(first) and is_staff(second)


def test_leaving_the_last_role_ends_desk_access():
    user = UserFactory(roles=[ANNOTATORS, EDITORS])
    user.groups.remove(Group.objects.get(name=ANNOTATORS))
    assert is_staff(user)
    user.groups.remove(Group.objects.get(name=EDITORS))
    assert not is_staff(user)
    assert not logs_in_to_the_desk(user)


def test_clearing_groups_from_either_side_ends_desk_access():
    one, two = UserFactory(roles=[ANNOTATORS]), UserFactory(roles=[ANNOTATORS])
    one.groups.clear()
    assert not is_staff(one)
    Group.objects.get(name=ANNOTATORS).user_set.clear()
    assert not is_staff(two)


def test_superusers_and_staff_without_a_role_keep_their_flag():
    root = UserFactory(is_staff=True, is_superuser=True, roles=[REVIEWERS])
    root.groups.clear()
    assert is_staff(root)
    helper = UserFactory(is_staff=True)
    other = Group.objects.create(name="newsletter")
    helper.groups.add(other)
    helper.groups.remove(other)
    assert is_staff(helper)


def test_a_role_given_in_the_user_admin_admits_even_with_staff_status_unticked(admin_user):
    user = UserFactory(username="researcher")
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:auth_user_change", args=[user.pk]),
        {
            "username": "researcher",
            "is_active": "on",
            "groups": [Group.objects.get(name=ANNOTATORS).pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert is_staff(user)
    assert logs_in_to_the_desk(user)
