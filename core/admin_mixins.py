"""The admin asks each model's permission helper (`editable_by`) what a user may change.

The network's roles carry no Django model permissions: the model admins answer from
`editable_by`, and every inline answers from the admin of the object it sits in.
"""

from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .roles import is_network_coordinator, is_project_coordinator
from .versions import revision


class EditableByAdminMixin:
    """Admin permissions from the model's `QuerySet.editable_by(user)`.

    Network coordinators change everything; project coordinators see and change
    the objects of their own projects when `project_coordinators_may_edit` is set;
    OPH viewers and everyone else see nothing here.
    """

    project_coordinators_may_edit = False

    def _may_use(self, request) -> bool:
        user = request.user
        if is_network_coordinator(user):
            return True
        return self.project_coordinators_may_edit and is_project_coordinator(user)

    def get_queryset(self, request):
        return self.model.objects.editable_by(request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        # A save in the admin is kept in the content's history (core/versions.py).
        with revision(request.user, comment="admin"):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff and self._may_use(request)

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        if obj is None:
            return True
        return self.model.objects.editable_by(request.user).filter(pk=obj.pk).exists()

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # Forms that keep what the user may not change need to know who saves.
        return form.for_editor(request.user) if hasattr(form, "for_editor") else form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._limit_projects(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._limit_projects(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @staticmethod
    def _limit_projects(db_field, request, kwargs):
        """A choice of a model that asks for it (`admin_choices_editable_only`, the projects)
        lists only what the user may edit."""
        related = db_field.related_model
        if getattr(related, "admin_choices_editable_only", False):
            kwargs["queryset"] = related.objects.editable_by(request.user)


class EditableByInlineMixin:
    """Inline rows follow the object they belong to.

    Whoever may change the parent object (its admin's `editable_by`) may view, add,
    change and delete its rows; whoever may only view the parent sees the rows when
    `rows_visible_to_viewers` is set. Django's per-model permissions, which the
    network's roles do not have, play no part.
    """

    rows_visible_to_viewers = True

    def _parent_admin(self):
        return self.admin_site.get_model_admin(self.parent_model)

    def _may_change_parent(self, request, obj) -> bool:
        return self._parent_admin().has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        if self._may_change_parent(request, obj):
            return True
        return self.rows_visible_to_viewers and self._parent_admin().has_view_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return self._may_change_parent(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_change_parent(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_change_parent(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        EditableByAdminMixin._limit_projects(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TranslatedEditableAdmin(EditableByAdminMixin, TranslationAdmin):
    """FI and SV fields side by side, permissions from `editable_by`.

    Slugs may be left empty: the model makes them from the titles on save.
    """

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        for name, field in form.base_fields.items():
            if name.startswith("slug_"):
                field.required = False
                field.help_text = _("Jätä tyhjäksi, niin tunniste tehdään otsikosta.")
        return form
