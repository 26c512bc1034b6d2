"""django-filter's FilterSet made cheaper per request, for every FilterSet of the API.

django-filter deep-copies each filter, and Django each form field, for every request; neither is
changed by a request once the form class is built, so both are copied shallowly here.
"""

import copy

from django_filters import rest_framework as filters


class _ShallowCopiedFilters(dict):
    """A FilterSet's filters whose deep copy is a shallow copy of each filter, re-bound.

    django-filter deep-copies every filter for every request (their querysets and choices
    included: 800 ``deepcopy`` calls for the quote list). Once the form class is built (below),
    a request changes nothing in a filter but ``model``, ``parent`` and its bound method, so a
    copy of each filter, with its method bound to the copy, keeps requests apart as well.
    """

    def __deepcopy__(self, memo):
        copies = {}
        for name, filter_ in self.items():
            copied = copy.copy(filter_)
            if filter_.method is not None:
                copied.method = filter_.method  # a FilterMethod bound to the copy
            copies[name] = copied
        return copies


class _ShallowCopiedFields(dict):
    """A filter form's fields whose deep copy is a shallow copy of each field.

    Django's form deep-copies every field, its widget and its choices for each instance (a
    fifth of a quote list's filtering). Cleaning a value changes nothing in a field (a model
    choice field reads through a new queryset each time), so a copy of each field, sharing its
    widget, keeps forms apart as well."""

    def __deepcopy__(self, memo):
        return {name: copy.copy(field) for name, field in self.items()}


class FilterSet(filters.FilterSet):
    """django-filter's FilterSet, cheaper per request: the form class is built once per class
    (its fields are the same for every request) and its forms copy their fields shallowly
    (``_ShallowCopiedFields``), and the filters are copied shallowly too
    (``_ShallowCopiedFilters``). Together these were half of the Python time of a quote list."""

    def __init__(self, *args, **kwargs):
        cls = type(self)
        if not isinstance(cls.__dict__.get("base_filters"), _ShallowCopiedFilters):
            cls.base_filters = _ShallowCopiedFilters(cls.base_filters)
        self.get_form_class()  # built from the class's filters before any copy is used
        super().__init__(*args, **kwargs)

    def get_form_class(self):
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            fields = {name: filter_.field for name, filter_ in cls.base_filters.items()}
            form_class = type(f"{cls.__name__}Form", (self._meta.form,), fields)
            form_class.base_fields = _ShallowCopiedFields(form_class.base_fields)
            cls._form_class = form_class
        return form_class
