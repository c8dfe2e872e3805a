"""A sentence after a quote that takes it up and names who said it: "That was the message
from Dr X.", "Das sagte X", "C'est ce qu'a déclaré X", "So said X"."""

from __future__ import annotations

import re

from .acceptance import MORE_SPEECH
from .candidate import Candidate
from .languages import lexicon
from .subjects import analyze_subject
from .text import rstrip_end

_MESSAGE_FROM = re.compile(
    r"(?:That|This|Such|Those|These) (?:was|were|is|are) (?:the )?(?:key )?(?:message|words?"
    r"|verdict|view|warning|call|assessment|reaction|response|advice) (?:from|of) ",
)
# A sentence after a quote that takes it up and names who said it.
_RESUMPTIVE = {
    "de": re.compile(r"(?:Das|Dies|So)\s+(?P<verb>[^\W\d_]+)\s+(?:(?:auch|am|gestern|heute)\s+"
                     r"[^\W\d_]*\s*)?"),
    "es": re.compile(r"(?:Así|Eso|Esto)\s+(?:lo\s+)?(?:ha\s+|han\s+)?(?P<verb>[^\W\d_]+)"
                     r"\s+"),
    "fr": re.compile(r"(?:[Cc][’']est|[Vv]oilà)\s+ce\s+qu[’']\s*(?:a|ont|avait)\s+"
                     r"(?P<verb>[^\W\d_]+)\s+"),
    "en": re.compile(r"(?:That|This)(?:[’']s| is| was) what\s+(?P<verb>)"),
}
_SO_SAID = re.compile(r"So (?:said|says) ")


class LaterNaming:
    """Speakers named in the sentence after their quote (a mixin of ``pipeline._Document``)."""

    def _message_from(self, p: int, cand: Candidate):
        """ "That was the message from Dr X." in the sentence after the quote, or "Das sagte
        X", "c'est ce qu'a déclaré X" right after it."""
        text = self.paras[p]
        sentences = self.sentences[p]
        s_end = sentences[cand.sentence][1] if sentences else len(text)
        m = None
        if cand.span.outer_end < s_end:
            # "„…“ Das sagte X." / "« … », c'est ce qu'a déclaré X": in the quote's sentence.
            q, b = p, s_end
            a = cand.span.outer_end
            while a < b and (text[a].isspace() or text[a] in ",;—–"):
                a += 1
            m = self._resumptive(text, a, b)
        if m is None:
            if cand.sentence + 1 < len(sentences):
                q = p
                a, b = sentences[cand.sentence + 1]
            elif p + 1 < len(self.paras) and self.sentences[p + 1]:
                q = p + 1
                a, b = self.sentences[q][0]
            else:
                return None
            text = self.paras[q]
            m = _MESSAGE_FROM.match(text, a, b) or _SO_SAID.match(text, a, b) \
                or self._resumptive(text, a, b)
        if not m:
            return None
        end = rstrip_end(text, b, " .!")
        ref = analyze_subject(text, m.end(), end, after_verb=True)
        person = self._resolve(ref)
        if person is None:
            return None
        self.excluded.setdefault(q, []).append((a, b))
        person.output = True
        return person, text[a:end]

    @staticmethod
    def _resumptive(text: str, a: int, b: int):
        """ "Das sagte X", "Así lo afirmó X", "C'est ce qu'a déclaré X", "That's what X
        said" opening the sentence after a quote: X said it. Matches up to the subject."""
        lex = lexicon()
        m = _RESUMPTIVE.get(lex.code, _RESUMPTIVE["en"]).match(text, a, b)
        if m is None:
            return None
        verb = m.group("verb").lower()
        return m if verb in lex.speech_verbs or verb in MORE_SPEECH.get(lex.code, ()) else None
