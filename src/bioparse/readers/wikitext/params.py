"""Infobox parameter names -> canonical row keys (see :mod:`bioparse.extract.labels`).

Parameters are compared after :func:`param_key`: lower case, spaces and
hyphens as ``_``.  Localized names cover the person infoboxes of de, fr, es,
it, nl, af and pt as found on real pages.
"""

from __future__ import annotations

import re

_NORM = re.compile(r"[\s\-]+")


def param_key(name: str) -> str:
    """Normalized parameter name: "Birth Place" -> "birth_place"."""
    return _NORM.sub("_", name.strip().lower())


PERSON_PARAMS: dict[str, str] = {
    # English
    "name": "name", "full_name": "full_name", "fullname": "full_name",
    "birth_name": "birth_name", "birthname": "birth_name", "native_name": "birth_name",
    "birth_date": "birth_date", "date_of_birth": "birth_date", "born": "birth", "birth": "birth",
    "birth_place": "birth_place", "place_of_birth": "birth_place", "birthplace": "birth_place",
    "death_date": "death_date", "date_of_death": "death_date", "died": "death", "death": "death",
    "death_place": "death_place", "place_of_death": "death_place", "deathplace": "death_place",
    "resting_place": "resting_place", "restingplace": "resting_place",
    "burial_place": "resting_place", "placeofburial": "resting_place", "place_of_burial": "resting_place",
    "nationality": "nationality", "citizenship": "nationality",
    "party": "party", "political_party": "party",
    "spouse": "spouse", "spouses": "spouse", "spouse(s)": "spouse",
    "children": "children", "issue": "children",
    "alma_mater": "alma_mater", "education": "alma_mater", "almamater": "alma_mater",
    "occupation": "occupation", "occupations": "occupation", "profession": "occupation",
    "awards": "awards", "honours": "awards", "honors": "awards", "prizes": "awards",
    # German
    "geburtsdatum": "birth_date", "geburtsort": "birth_place", "sterbedatum": "death_date",
    "sterbeort": "death_place", "geburtsname": "birth_name", "partei": "party",
    "ehepartner": "spouse", "kinder": "children", "beruf": "occupation",
    "staatsangehörigkeit": "nationality", "nationalität": "nationality", "grabstätte": "resting_place",
    # French
    "nom": "name", "nom_de_naissance": "birth_name", "date_de_naissance": "birth_date",
    "lieu_de_naissance": "birth_place", "date_de_décès": "death_date", "date_de_deces": "death_date",
    "lieu_de_décès": "death_place", "lieu_de_deces": "death_place", "nationalité": "nationality",
    "parti_politique": "party", "conjoint": "spouse", "enfants": "children",
    "activité": "occupation", "activités": "occupation", "activite": "occupation",
    "distinctions": "awards", "formation": "alma_mater", "sépulture": "resting_place",
    "naissance": "birth", "décès": "death", "nom_complet": "full_name",
    # Spanish
    "nombre": "name", "nombre_completo": "full_name", "nombre_de_nacimiento": "birth_name",
    "fecha_de_nacimiento": "birth_date", "lugar_de_nacimiento": "birth_place",
    "fecha_de_fallecimiento": "death_date", "lugar_de_fallecimiento": "death_place",
    "fecha_de_defunción": "death_date", "lugar_de_defunción": "death_place",
    "nacionalidad": "nationality", "partido": "party", "partido_político": "party",
    "cónyuge": "spouse", "conyuge": "spouse", "hijos": "children", "ocupación": "occupation",
    "ocupacion": "occupation", "alma_máter": "alma_mater", "educado_en": "alma_mater",
    "premios": "awards", "lugar_de_sepultura": "resting_place",
    # Italian
    "nome": "name", "data_di_nascita": "birth_date", "luogo_di_nascita": "birth_place",
    "data_di_morte": "death_date", "luogo_di_morte": "death_place", "nazionalità": "nationality",
    "partito": "party", "coniuge": "spouse", "figli": "children", "professione": "occupation",
    "luogonascita": "birth_place", "luogomorte": "death_place",
    # Dutch
    "naam": "name", "volledige_naam": "full_name", "geboortenaam": "birth_name",
    "geboortedatum": "birth_date", "geboorteplaats": "birth_place", "geboren": "birth",
    "overlijdensdatum": "death_date", "sterfdatum": "death_date", "overlijdensplaats": "death_place",
    "sterfplaats": "death_place", "overleden": "death", "nationaliteit": "nationality",
    "partij": "party", "partner": "spouse", "kinderen": "children", "beroep": "occupation",
    "begraafplaats": "resting_place",
    # Afrikaans
    "geboorteplek": "birth_place", "dood_datum": "death_date", "sterfdatum_": "death_date",
    "sterfteplek": "death_place", "sterfplek": "death_place", "nasionaliteit": "nationality",
    "huweliksmaat": "spouse", "eggenoot": "spouse", "kinders": "children", "eerbewyse": "awards",
    "gebore": "birth", "oorlede": "death",
    # Portuguese
    "data_nascimento": "birth_date", "local_nascimento": "birth_place",
    "data_morte": "death_date", "local_morte": "death_place", "nacionalidade": "nationality",
    "cônjuge": "spouse", "filhos": "children", "ocupação": "occupation",
}

#: Office-slot parameter bases (a trailing number picks the slot).
SLOT_KEYS: dict[str, str | None] = {
    "order": "ordinal", "ordinal": "ordinal",
    "term_start": "term_start", "termstart": "term_start", "term_begin": "term_start",
    "term_end": "term_end", "termend": "term_end",
    "term": "term", "reign": "term", "tenure": "term",
    "predecessor": "predecessor", "successor": "successor", "before": "predecessor", "after": "successor",
    "constituency": "constituency", "constituency_mp": "constituency", "constituency_am": "constituency",
    "constituency_msp": "constituency", "constituency_mla": "constituency", "riding": "constituency",
    "district": "constituency", "electorate": "constituency", "seat": "constituency",
    "acting": "acting", "status": "acting",
    "subterm": None, "suboffice": None, "majority": None, "appointer": None, "nominator": None,
    "alongside": None, "coronation": None, "leader": None, "state": None, "regent": None,
    "term_label": None, "reign_type": None, "succession_type": None, "appointed": None,
    "elected": None, "nominated": None, "parliament": None, "termlabel": None,
    "voorganger": "predecessor", "opvolger": "successor", "termyn": "term",
    "prédécesseur": "predecessor", "successeur": "successor", "predecesor": "predecessor",
    "sucesor": "successor", "vorgänger": "predecessor", "nachfolger": "successor",
}
#: Parameters naming an office (header rows); first present wins per slot.
HEADER_PARAMS: tuple[str, ...] = ("office", "succession", "title", "jr/sr", "state_senate",
                                  "state_house", "state_assembly", "state_delegate", "cargo", "fonction",
                                  "amt", "functie", "ambt", "titel")
#: Header params that make a slot an office on their own.
STRONG_HEADERS = frozenset({"office", "succession", "jr/sr", "state_senate", "state_house",
                            "state_assembly", "state_delegate", "cargo", "fonction"})

#: People served with: parameter base -> displayed role.
SERVING_WITH: dict[str, str] = {
    "president": "President", "vicepresident": "Vice President", "vice_president": "Vice President",
    "primeminister": "Prime Minister", "prime_minister": "Prime Minister", "pm": "Prime Minister",
    "governor": "Governor", "lieutenant": "Lieutenant Governor",
    "lieutenant_governor": "Lieutenant Governor", "lt_governor": "Lieutenant Governor",
    "monarch": "Monarch", "deputy": "Deputy", "governor_general": "Governor General",
    "governorgeneral": "Governor General", "premier": "Premier", "chancellor": "Chancellor",
    "taoiseach": "Taoiseach", "firstminister": "First Minister", "first_minister": "First Minister",
    "chief_minister": "Chief Minister", "chiefminister": "Chief Minister",
    "deputy_prime_minister": "Deputy Prime Minister", "mayor": "Mayor", "chief_judge": "Chief Judge",
    "chief_justice": "Chief Justice", "vice_premier": "Vice Premier", "viceroy": "Viceroy",
    "secretary_general": "Secretary-General",
}

# --- Officeholder family slot aliases (Template:Infobox officeholder and its
# redirects document these per numbered slot as well as unnumbered).
SLOT_KEYS.update({
    "preceded": "predecessor", "succeeded": "successor", "preceding": "predecessor",
    "succeeding": "successor", "term_start_label": None, "term_end_label": None,
    "prior_term": None, "alongside_label": None, "1blankname": None, "1namedata": None,
    "2blankname": None, "2namedata": None, "3blankname": None, "3namedata": None,
    "order_label": None,
})
SERVING_WITH.update({
    "alongside": "Serving with", "leader": "Leader", "vicegovernor": "Vice Governor",
    "vice_governor": "Vice Governor", "deputy_governor": "Deputy Governor",
    "vicepremier": "Vice Premier", "speaker": "Speaker", "minister": "Minister",
    "chairman": "Chairman", "vicechairman": "Vice Chairman", "vicechancellor": "Vice Chancellor",
    "vice_chancellor": "Vice Chancellor", "deputy_first_minister": "Deputy First Minister",
    "runningmate": "Running mate", "running_mate": "Running mate", "ambassador": "Ambassador",
})
#: Officeholder "blank" rows drawn among the people served with: value param -> label param.
BLANK_PAIRS: dict[str, str] = {"1namedata": "1blankname"}


#: Parameter names are short; the length bound keeps a 100,000-digit name from backtracking.
_SLOT = re.compile(r"^(?=.{1,100}$)(.+?)_?(\d+)$")


def slot_of(name: str) -> tuple[str, int] | None:
    """(base, slot) for an office-slot parameter; unnumbered ones are slot 0."""
    key = param_key(name)
    if _is_slot_base(key):
        return key, 0
    m = _SLOT.match(key)
    if m and _is_slot_base(m.group(1)):
        return m.group(1), int(m.group(2))
    return None


def _is_slot_base(base: str) -> bool:
    return base in SLOT_KEYS or base in SERVING_WITH or base in HEADER_PARAMS
