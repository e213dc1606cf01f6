"""Job titles in the languages the parser reads (EN, PT, ES, FR, DE, PL), read into English.

A title is matched on its folded form (lower case, no accents). Each entry gives the function
(what the work is), the English noun for the role ("data engineer") and the field as an English
phrase ("data engineering"). The first matching entry wins, so specific entries come first.
"""

import re

from coffeechat.outreach.names import fold

# (function, regex on folded text, English role noun, English field phrase)
_ROLES: tuple[tuple[str, str, str, str], ...] = (
    ("founder", r"\b(co ?founder|cofounder|founder|founding|fundador\w*|fondat\w*|grunder\w*|"
                r"mitgrunder\w*|zalozyciel\w*|wspolzalozyciel\w*)\b", "founder", "startups"),
    ("founder", r"\b(entrepreneur\w*|empreendedor\w*|emprendedor\w*|unternehmer\w*|przedsiebiorc\w*)\b",
                "entrepreneur", "startups"),
    ("board", r"\b(board member|board of directors|member of the board|non executive|trustee|"
              r"conselheir\w*|consejer\w*|administrat\w+ independant|aufsichtsrat\w*|beirat\w*|"
              r"czlonek rady|rada nadzorcza)\b", "board member", "board work"),
    ("data", r"\b(data engineer\w*|engenheir[oa] de dados|ingenier[oa] de datos|"
             r"ingenieur\w* (de )?donnees|dateningenieur\w*|inzynier\w* danych|big data)\b",
     "data engineer", "data engineering"),
    ("data", r"\b(machine learning|ml engineer|ai engineer|aprendizado de maquina|"
             r"aprendizaje automatico|apprentissage automatique|maschinelles lernen|uczenia maszynowego)\b",
     "machine learning engineer", "machine learning"),
    ("data", r"\b(data scien\w*|cientista de dados|cientific[oa] de datos|scientifique des donnees|"
             r"datenwissenschaftler\w*|naukowiec danych)\b", "data scientist", "data science"),
    ("data", r"\b(data analy\w*|analista de dados|analista de datos|analyste (de )?donnees|"
             r"datenanalyst\w*|analityk\w* danych|business intelligence|analytics)\b",
     "data analyst", "data analysis"),
    ("research", r"\b(ux research\w*|user research\w*|design research\w*|pesquisador\w* de ux|"
                 r"investigador\w* (de )?ux|chercheu\w* ux|ux forsch\w*|badacz\w* ux)\b",
     "UX researcher", "UX research"),
    ("product", r"\b(product manag\w*|product owner|product lead|head of product|vp product|"
                r"produktmanager\w*|produktmanagerin|produktowner|gerente de produto|gerente de producto|"
                r"chef de produit|responsable produit|kierownik produktu|menedzer produktu|"
                r"product director|group product)\b", "product manager", "product management"),
    ("design", r"\b(ux|ui|user experience|product design\w*|designer\w*|design lead|head of design|"
               r"disenador\w*|diseno|designerin|gestalter\w*|projektant\w*|concepteur\w*)\b",
     "designer", "design"),
    ("recruiting", r"\b(recruit\w*|talent|sourcer|recrutador\w*|recrutamento|reclutador\w*|"
                   r"reclutamiento|recruteu\w*|recrutement|personalvermittl\w*|personalbeschaff\w*|"
                   r"rekruter\w*|rekrutacj\w*)\b", "recruiter", "recruiting"),
    ("engineering", r"\b(software|computer science|computer engineering|informatics|informatik|informatica|"
                    r"ciencia da computacao|ciencias de la computacion|informatique|informatyka|developer|"
                    r"desenvolvedor\w*|desarrollador\w*|developpeu\w*|"
                    r"entwickler\w*|softwareentwickl\w*|programist\w*|programmer|programador\w*|"
                    r"programmeu\w*|full ?stack|backend|back end|frontend|front end|devops|sre|sde|cto|"
                    r"firmware|embedded|staff engineer|principal engineer|engenheir[oa] de software|"
                    r"ingenier[oa] de software|ingenieur\w* logiciel|inzynier\w* oprogramowania)\b",
     "software engineer", "software engineering"),
    ("research", r"\b(research\w*|scientist|pesquisador\w*|investigador\w*|chercheu\w*|forscher\w*|"
                 r"wissenschaftl\w*|badacz\w*|naukowiec)\b", "researcher", "research"),
    ("teaching", r"\b(teach\w*|tutor\w*|instructor|lecturer|professor\w*|educat\w*|profesor\w*|"
                 r"docente|enseignant\w*|lehrer\w*|dozent\w*|nauczyciel\w*|wykladowc\w*)\b",
     "teacher", "teaching"),
    ("health", r"\b(nurs\w*|enfermeir\w*|enfermer\w*|infirmi\w*|krankenpfleg\w*|pflegefach\w*|"
               r"pielegniar\w*|physician|doctor|medic\w*|clinical|therapist)\b", "nurse", "healthcare"),
    ("consulting", r"\b(consult\w*|advisory|berater\w*|beraterin|consultor\w*|conseil\w*|doradc\w*|"
                   r"konsultant\w*)\b", "consultant", "consulting"),
    ("accounting", r"\b(accountan\w*|accounting|accountancy|audit\w*|cpa|tax|xbrl|contador\w*|contabil\w*|"
                   r"comptab\w*|buchhalt\w*|wirtschaftsprufer\w*|ksiegow\w*|standards)\b",
     "accountant", "accounting"),
    ("finance", r"\b(financ\w*|investment|banker|banking|treasur\w*|risk|financeir\w*|financier\w*|"
                r"finanz\w*|finansow\w*)\b", "finance professional", "finance"),
    ("marketing", r"\b(marketing|marketer|growth|social media|content|communications|blogger|"
                  r"comunicac\w*|kommunikation|crescimento|crecimiento|croissance|wachstum|wzrost\w*)\b",
     "marketer", "marketing"),
    ("sales", r"\b(sales|account executive|business development|vendas|ventas|vendedor\w*|"
              r"commercial\w*|vertrieb\w*|sprzedaz\w*|handlowiec)\b", "salesperson", "sales"),
    ("law", r"\b(lawyer|attorney|counsel|paralegal|legal|advogad\w*|abogad\w*|avocat\w*|anwalt\w*|"
            r"anwaltin|jurist\w*|prawnik\w*|radca prawny)\b", "lawyer", "law"),
    ("architecture", r"\b(architect\w*|arquitet\w*|arquitect\w*|architekt\w*)\b", "architect",
     "architecture"),
    ("engineering", r"\b(civil engineer\w*|structural engineer\w*|engenheir[oa] civil|ingenier[oa] civil|"
                    r"bauingenieur\w*)\b", "civil engineer", "civil engineering"),
    ("engineering", r"\b(engineer\w*|engenheir\w*|ingenier\w*|ingenieu\w*|inzynier\w*)\b", "engineer",
     "engineering"),
    ("engineering", r"\b(it manager|it director|it lead|information technology|systems administrator|"
                    r"sysadmin|it support)\b", "IT manager", "IT"),
    ("support", r"\b(support|customer success|helpdesk|atendimento|soporte)\b", "support specialist",
     "customer support"),
    ("student", r"\b(student\w*|estudante|estudiante|etudiant\w*|studentin|studierend\w*|"
                r"undergraduate|graduate student|phd candidate|doktorand\w*|doutorand\w*)\b",
     "student", "your studies"),
)
_ROLE_RES = [(key, re.compile(pattern), noun, field) for key, pattern, noun, field in _ROLES]

_SENIORITY = (
    ("chief", r"\b(chief|c[teo]o|cpo|cmo|cfo|president|presidente|geschaftsfuhrer\w*|prezes)\b"),
    ("vp", r"\b(vp|vice president|vice presidente|vicepresidente)\b"),
    ("head", r"\b(head of|director\w*|diretor\w*|directeur\w*|direktor\w*|dyrektor\w*|leiter\w*|"
             r"leiterin|jefe|jefa|chef de|kierownik\w*)\b"),
    ("lead", r"\b(lead|principal|staff|manager|gerente|manag\w*|lider|responsable|menedzer\w*)\b"),
    ("senior", r"\b(senior|sr|senior|pleno|starszy|starsza)\b"),
    ("junior", r"\b(junior|jr|mlodszy|mlodsza|assistant|assistente|asistente)\b"),
    ("intern", r"\b(intern|internship|trainee|estagiari[oa]|estagio|becari[oa]|practicas|stagiaire|"
               r"praktikant\w*|werkstudent\w*|stazyst\w*|praktykant\w*|apprentice)\b"),
)
_SENIORITY_RES = [(level, re.compile(pattern)) for level, pattern in _SENIORITY]
_ENGLISH_WORD = {"senior": "senior", "lead": "lead", "junior": "junior", "head": "", "chief": "",
                 "vp": "", "intern": "intern"}

# Words that mark a title as not English: any of these and the title is read, not pasted.
_FOREIGN = re.compile(
    r"\b(de|da|do|dos|das|na|no|em|para|del|la|el|y|en|chez|et|des|du|bei|fur|und|der|die|im|von|"
    r"w|ds|dla|sr|senior|pleno|lider\w*|crescimento|crecimiento|croissance|wachstum|engenheir\w*|ingenier\w*|ingenieu\w*|inzynier\w*|analista|analyste|"
    r"analityk\w*|desenvolvedor\w*|desarrollador\w*|developpeu\w*|entwickler\w*|programist\w*|"
    r"gerente|diretor\w*|directeur\w*|direktor\w*|dyrektor\w*|leiter\w*|jefe|jefa|responsable|"
    r"kierownik\w*|specjalist\w*|especialista|spezialist\w*|berater\w*|consultor\w*|produktmanager\w*|"
    r"werkstudent\w*|praktikant\w*|estagiari\w*|becari\w*|stagiaire|lehrer\w*|professora|profesor\w*|"
    r"enseignant\w*|nauczyciel\w*|enfermeir\w*|enfermer\w*|infirmi\w*|pesquisador\w*|investigador\w*|"
    r"chercheu\w*|forscher\w*|fundador\w*|fondat\w*|grunder\w*|zalozyciel\w*|recrutador\w*|"
    r"reclutador\w*|recruteu\w*|mitarbeiter\w*|geschaftsfuhrer\w*|vendedor\w*|advogad\w*|abogad\w*|"
    r"avocat\w*|anwalt\w*|arquitet\w*|arquitect\w*|architekt\w*|dados|datos|donnees|daten|danych|"
    r"produto|producto|produit|projektant\w*|disenador\w*|gestalter\w*|contador\w*|comptab\w*|"
    r"buchhalt\w*|ksiegow\w*|autonomo|autonoma|selbststandig\w*|freiberufl\w*|independant\w*|"
    r"estudante|estudiante|etudiant\w*|studentin|conselheir\w*|consejer\w*|aufsichtsrat\w*|beirat\w*|"
    r"voluntari\w*|benevole|ehrenamt\w*|wolontariusz\w*)\b")
# Non-English letters that English titles do not use.
_FOREIGN_LETTERS = re.compile(r"[ãõçâêôàèìòùäöüßłżźśćńąęñíáóú]", re.I)


def read_title(text: str | None) -> dict[str, str]:
    """What a title means: function, English role noun, field phrase and seniority ("" when unknown)."""
    folded = fold(text)
    found = {"function": "", "noun": "", "field": "", "seniority": ""}
    if not folded:
        return found
    for key, regex, noun, field in _ROLE_RES:
        if regex.search(folded):
            found.update(function=key, noun=noun, field=field)
            break
    for level, regex in _SENIORITY_RES:
        if regex.search(folded):
            found["seniority"] = level
            break
    return found


def is_english(text: str | None) -> bool:
    """Whether a title reads as English and may be quoted as typed in an English sentence."""
    if not text:
        return True
    if _FOREIGN_LETTERS.search(text):
        return False
    folded = fold(text)
    # "Senior" is English too: only the other marker words count.
    return not any(m.group(0) not in {"senior", "sr", "de", "la", "el", "en", "w", "no"}
                   for m in _FOREIGN.finditer(folded)) and not re.search(
        r"\b(bei|na|em|chez|und|fur|dla|dos|das|del)\b", folded)


def english_role(text: str | None) -> str:
    """A title in English: as typed when it is English, else read ("Engenheira de dados sênior" → "senior data engineer")."""
    if not text:
        return ""
    if is_english(text):
        return text.strip()
    meaning = read_title(text)
    if not meaning["noun"]:
        return ""
    level = _ENGLISH_WORD.get(meaning["seniority"], "")
    if meaning["seniority"] in ("head", "chief", "vp") and meaning["field"]:
        return f"head of {meaning['field']}"
    if level == "intern":
        return f"{meaning['field']} intern" if meaning["function"] != "student" else "student"
    return f"{level} {meaning['noun']}".strip()
