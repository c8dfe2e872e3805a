"""Forms of the review pages: notes, evidence, workflow actions and the import page.

The forms only validate what a person typed; what an action needs (a rating, a note, evidence)
and who may take it is decided by ``claims.workflow`` alone.
"""

from django import forms
from django.conf import settings

from claims import permissions
from claims.models import (
    VERDICT_MAX_LENGTH,
    Annotation,
    ClaimKind,
    Evidence,
    Rating,
    Speaker,
    person_name,
)
from claims.validators import WEB_ADDRESS_MESSAGE, validate_web_address
from claims.workflow import ACTIONS

IMPORT_EXTENSIONS = (".txt", ".html", ".htm")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj)


class AnnotationForm(forms.ModelForm):
    class Meta:
        model = Annotation
        fields = ["body"]
        labels = {"body": "Add a note"}
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"body": {"required": "Write the note before adding it."}}

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write the note before adding it.")
        return body


class EvidenceForm(forms.ModelForm):
    # Only web addresses a colleague can open: no ftp, no javascript: or data: links.
    url = forms.URLField(
        label="URL",
        max_length=2000,
        assume_scheme="https",
        validators=[validate_web_address],
        error_messages={
            "required": "Give the web address of the evidence.",
            "invalid": WEB_ADDRESS_MESSAGE,
        },
    )

    stance = forms.ChoiceField(
        label="What it says about the claim",
        choices=Evidence.Stance.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Say whether the evidence supports or contradicts the claim, or gives "
            "context.",
        },
    )

    class Meta:
        model = Evidence
        fields = ["stance", "url", "title", "excerpt"]
        labels = {"excerpt": "Excerpt (the passage readers will see with the fact-check)"}
        widgets = {"excerpt": forms.Textarea(attrs={"rows": 3})}


class OneLineErrors:
    """A form whose errors are shown as one message line on the page it came from."""

    def error_sentence(self):
        return " ".join(str(error) for errors in self.errors.values() for error in errors)


class TransitionForm(OneLineErrors, forms.Form):
    """One workflow action as posted by a button on the claim page."""

    action = forms.ChoiceField(
        choices=[(name, a.label) for name, a in ACTIONS.items()],
        error_messages={
            "invalid_choice": "“%(value)s” is not a review action; reload the page and use one "
            "of its buttons.",
        },
    )
    version = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": "This form lost the version of the claim you saw; reload the page and "
            "try again.",
        },
    )
    rating = forms.ChoiceField(choices=[("", "Choose a rating")] + Rating.choices, required=False)
    note = forms.CharField(required=False, max_length=5000, widget=forms.Textarea)
    # Checked by the workflow (verify and dispute need them), so a refusal is one sentence.
    verdict = forms.CharField(required=False, max_length=VERDICT_MAX_LENGTH * 4)
    reasoning = forms.CharField(required=False, max_length=10000, widget=forms.Textarea)
    assignee = PersonChoiceField(
        queryset=None,
        required=False,
        error_messages={"invalid_choice": "Choose a reviewer from the list."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = permissions.desk_reviewers()


class StartFromCheckForm(OneLineErrors, forms.Form):
    """"Start from this check" on a claim page: the earlier claim, and the version seen."""

    earlier = forms.IntegerField(
        min_value=1, max_value=2**63 - 1,
        error_messages={"required": "Choose the earlier claim to start from."},
    )
    version = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": "This form lost the version of the claim you saw; reload the page and "
            "try again.",
        },
    )


class CorrectionForm(forms.Form):
    """An editor's correction of what the importer found: kind, speaker and span.

    The speaker is one of the desk's (picked from those of the release) or a new one named
    here; the span is the claim's first and last character in its paragraph.
    """

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=ClaimKind.choices)
    speaker = forms.ModelChoiceField(
        queryset=Speaker.objects.all(), required=False, empty_label="No speaker",
        error_messages={"invalid_choice": "Choose a speaker from the list, or name a new one."},
    )
    new_speaker = forms.CharField(
        label="Or a new speaker", max_length=200, required=False,
        help_text="Their full name, as a person or organisation signs it.",
    )
    new_speaker_role = forms.CharField(label="Their role", max_length=300, required=False)
    new_speaker_organization = forms.CharField(
        label="Their organisation", max_length=200, required=False,
        help_text="A name (“Tokyo City Council”), not “council’s”.",
    )
    start = forms.IntegerField(label="From character", min_value=0)
    end = forms.IntegerField(label="To character", min_value=1)

    def clean_new_speaker_organization(self):
        name = " ".join(self.cleaned_data["new_speaker_organization"].split())
        # Speaker organisations are names: "the council’s" is how a sentence says it.
        for ending in ("’s", "'s"):
            if name.endswith(ending):
                raise forms.ValidationError(
                    f"Write the organisation’s name (“{name[: -len(ending)]}”), not the "
                    "possessive."
                )
        return name


class ReleaseImportForm(forms.Form):
    text = forms.CharField(
        label="Paste the release",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        help_text="Plain text with the headline on the first line, or the HTML of the page.",
    )
    file = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text="A .txt or .html file, saved from the organization's website.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(IMPORT_EXTENSIONS)}),
    )
    source_url = forms.URLField(
        label="Source URL",
        required=False,
        max_length=2000,
        assume_scheme="https",
        validators=[validate_web_address],
        help_text="Where the release was published.",
        error_messages={"invalid": WEB_ADDRESS_MESSAGE},
    )
    organization = forms.CharField(max_length=200, required=False)
    published_on = forms.DateField(
        label="Published on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the date as YYYY-MM-DD."},
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(IMPORT_EXTENSIONS):
            raise forms.ValidationError(
                "Upload a .txt or .html file; save the release from your browser or copy its "
                "text."
            )
        limit = settings.FACTCHECK_MAX_RELEASE_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes, over the limit of {limit:,} bytes; "
                "upload a shorter release."
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        has_text = bool((cleaned.get("text") or "").strip())
        has_file = cleaned.get("file") is not None
        if "file" in self.errors:
            return cleaned
        if has_text and has_file:
            raise forms.ValidationError(
                "Paste the text or upload a file, not both; clear one of them."
            )
        if not has_text and not has_file:
            raise forms.ValidationError("Paste the release text or choose a file to upload.")
        return cleaned
