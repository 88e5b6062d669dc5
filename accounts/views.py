from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .services import invitation_accept, invitation_token_user


@never_cache
def invitation_accept_view(request, token):
    user = invitation_token_user(token)
    if user is None:
        return render(request, "accounts/invitation_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation_accept(user=user, password=form.cleaned_data["new_password1"])
        messages.success(request, _("Salasana on asetettu. Voit nyt kirjautua sisään."))
        return redirect("account_login")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invited": user})
