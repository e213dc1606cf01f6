"""Every LinkedIn selector and text pattern the parser uses, grouped by page generation.

Each entry names the generation it serves and the fixture under tests/fixtures/linkedin that
proves it. Strategy modules import from here; no selector string lives anywhere else.
"""

import re

# --- Shared: <title>, og: meta, canonical link (all generations) -----------------------------

# Subtrees that never hold page text: dropped from the raw HTML before any tree is built, which
# is most of the cost on logged-in pages (1.8 MB profile-2022-self.html → 0.56 MB).
NOISE_BLOCKS = re.compile(
    r"<(script|style|code|svg|template|noscript|iframe)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
# JSON-LD survives the cut above only because it is read first (public-2023.html).
JSON_LD_BLOCKS = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>", re.S | re.I)
# Voyager JSON in <code> blocks of logged-in Ember pages (profile-2022-self.html).
CODE_BLOCKS = re.compile(r"<code\b[^>]*>(.*?)</code\s*>", re.S | re.I)
# Control characters lxml refuses (garbage and binary input).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

TITLE = "//title"
META_CONTENT = "//meta[@property=$key or @name=$key]/@content"
CANONICAL = "//link[@rel='canonical']/@href"
# "Chrome: Save page as" leaves the address in a comment (profile-2026-first-degree.html).
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->|\burl:\s*(https?://\S+)")
# "(12) Skills | Fabio Brunelli | LinkedIn" (details-skills-2025.html), "Name | LinkedIn".
TITLE_SEPARATOR = re.compile(r"\s+[|–—]\s+")
TITLE_NOTIFICATIONS = re.compile(r"^\(\d+\+?\)\s*")
TITLE_SITE = re.compile(r"^linkedin$", re.I)
# Public titles read "Name - Title - Company" (public-2023.html): the name is the first part.
TITLE_NAME_DASH = re.compile(r"\s+-\s+")

# Cutting the profile part out with lxml before BeautifulSoup sees it (all generations use
# <section> for cards). Headings are looked for in this order inside a section.
SECTIONS = "//section"
SECTION_HEADINGS = ".//*[self::h1 or self::h2 or self::h3]"
# Ember anchors name the card: <div id="experience" class="pv-profile-card-anchor">
# (profile-2022-self.html, details pages 2021–2025).
SECTION_ANCHOR_IDS = ".//div[contains(@class, 'pv-profile-card-anchor')]/@id"
# Tabs repeat the same items once per category: only the first panel is read
# (details-skills-2025.html renders its 49 skills four times).
EXTRA_TAB_PANELS = ".//*[@role='tabpanel'][preceding::*[@role='tabpanel']] | .//*[@role='tablist']"
# Endorsements and insights under each skill: never a skill, and most of a skills page's size.
SKILL_INSIGHTS = (".//*[contains(@class, 'pvs-entity__sub-components')]"
                  " | .//*[@role='list'] | .//li//ul")

# Attributes the strategies read; every other attribute is dropped before the soup is built.
KEPT_ATTRIBUTES = frozenset({"class", "href", "src", "aria-hidden", "aria-label", "role",
                             "componentkey", "data-section", "data-view-name", "datetime",
                             "data-delayed-url", "alt", "id"})

# Section names as printed in the interface languages users meet (EN, PT, ES, FR, DE, PL);
# a heading is matched after whitespace is collapsed and case folded.
SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "about": ("about", "summary", "sobre", "acerca de", "extracto", "infos", "info",
              "à propos", "über mich", "info", "informacje", "o mnie", "podsumowanie"),
    "experience": ("experience", "experiência", "experiencia", "expérience",
                   "expériences", "berufserfahrung", "erfahrung", "doświadczenie"),
    "education": ("education", "formação acadêmica", "formação", "educação", "educación",
                  "formación", "formation", "ausbildung", "wykształcenie", "edukacja"),
    "skills": ("skills", "skills & endorsements", "competências", "aptitudes", "habilidades",
               "compétences", "kenntnisse", "kenntnisse & fähigkeiten", "umiejętności"),
    "languages": ("languages", "language", "idiomas", "idioma", "langues", "langue",
                  "sprachen", "sprache", "języki", "język"),
}
# Class tokens naming a card directly: 2018 (profile-2018-self.html) and public 2023
# (public-2023.html).
SECTION_CLASS_TOKENS: dict[str, tuple[str, ...]] = {
    "about": ("summary", "pv-about-section"),
    "experience": ("experience-section", "experience"),
    "education": ("education-section", "education"),
    "skills": ("pv-skill-categories-section", "skills"),
    "languages": ("languages",),
}

# Text inside these is for screen readers or is a control, never page content: the Ember
# generations double every text as aria-hidden + visually-hidden (profile-2022-self.html),
# 2018 labels fields with visually-hidden words (profile-2018-self.html), 2026 puts
# "… more" in buttons (profile-2026-first-degree.html).
HIDDEN_CLASSES = frozenset({"visually-hidden", "a11y-text", "sr-only", "lt-line-clamp__ellipsis",
                            "lt-line-clamp__more", "inline-show-more-text__button",
                            "see-more-less-toggle", "show-more-less-text__button"})
HIDDEN_TAGS = frozenset({"button", "script", "style", "noscript", "template", "svg", "select",
                         "option", "input", "label", "li-icon", "img", "figure"})
# Tags that flow inside a line of text rather than starting a new one.
INLINE_TAGS = frozenset({"time", "strong", "b", "em", "i", "abbr", "small", "sup", "sub", "u",
                         "mark", "bdi", "bdo", "wbr", "font"})

# Connection degree badges: "· 1st", "2nd", "3rd+", "1º", "2e", "3.", "1er" (EN/PT/ES/FR/DE/PL);
# profile-2026-first-degree.html shows both "· 1st" and "· 2nd".
DEGREE_BADGE = re.compile(
    r"^[·•\s]*([123])\s*(?:st|nd|rd|th|º|°|ª|er|re|e|ème|\.)?\s*(\+)?"
    r"(?:\s*(?:degree connection|grau|grado|niveau|grades?|stopnia))?\s*$", re.I)
# Primary calls to action decide between two badges (profile-2026-first-degree.html).
MESSAGE_CTA_HREF = "/messaging/"
CONNECT_CTA = re.compile(r"^(connect|conectar|se connecter|vernetzen|nawiąż kontakt|"
                         r"invite .* to connect|convidar .*|invitar .*|inviter .*)$", re.I)
# The location sits just before the contact-info link in every logged-in top card since 2021.
CONTACT_INFO = re.compile(r"^(contact info|informações de contato|información de contacto|"
                          r"datos de contacto|coordonnées|kontaktinfo(rmationen)?|"
                          r"dane kontaktowe|informacje kontaktowe)$", re.I)
CONTACT_INFO_HREF = "contact-info"
# Lines of a top card that are neither headline nor location.
TOPCARD_NOISE = re.compile(
    r"^(·|\W*|he/him|she/her|they/them|ele/dele|ela/dela|verified|\d[\d,.]*\+?\s*\S+|"
    r".*\b(connections?|followers?|conexões|seguidores|conexiones|relations|abonnés|"
    r"kontakte|follower|kontakty|obserwujący)\b.*)$", re.I)

# "Company · Full-time": the part after " · " is an employment type in these words
# (profile-2022-self.html "Gantry · Full-time").
EMPLOYMENT_TYPES = frozenset(s.casefold() for s in (
    "Full-time", "Part-time", "Self-employed", "Freelance", "Contract", "Internship",
    "Apprenticeship", "Seasonal", "Temporary", "Permanent", "Permanent Full-time",
    "Permanent Part-time", "Contract Full-time", "Contract Part-time", "Casual",
    "Tempo integral", "Meio período", "Autônomo", "Contrato", "Estágio", "Aprendiz",
    "Temporário", "Trainee", "Jornada completa", "Jornada parcial", "Jornada a tiempo completo",
    "Autónomo", "Contrato temporal", "Prácticas", "De temporada", "Temps plein",
    "Temps partiel", "Indépendant", "CDD", "CDI", "Stage", "Alternance", "Saisonnier",
    "Intérim", "Vollzeit", "Teilzeit", "Selbstständig", "Freiberuflich", "Befristet",
    "Praktikum", "Ausbildung", "Saisonal", "Pełny etat", "Część etatu", "Samozatrudnienie",
    "Umowa o pracę", "Umowa zlecenie", "Staż", "Praktyka", "Praca sezonowa",
))
# Work mode shown after a location since 2023 ("Paris, France · Hybrid"): not the location.
WORK_MODES = frozenset(s.casefold() for s in (
    "On-site", "Remote", "Hybrid", "Presencial", "Remoto", "Híbrido", "En remoto",
    "Sur site", "Sur place", "À distance", "Télétravail", "Hybride", "Vor Ort", "Hybrid",
    "Stacjonarnie", "Zdalnie", "Hybrydowo", "Praca zdalna", "Praca hybrydowa",
))
LINE_SEPARATOR = re.compile(r"\s+[·•]\s+")
# Lines under an entry that are labels of other data, not a location or a degree.
LABELLED_LINE = re.compile(
    r"^(skills|competências|aptitudes|compétences|kenntnisse|umiejętności|"
    r"activities and societies|atividades e grupos|actividades y grupos|"
    r"activités et associations|aktivitäten und verbände|działalność i stowarzyszenia|"
    r"grade|nota|note|calificación|ocena)\s*:", re.I)

# --- Profile pages: public 2016 ----------------------------------------------------------------

# --- Profile pages: logged-in 2018 (pv-*) -----------------------------------------------------

# --- Profile pages: logged-in 2021–2025 (pvs-list, artdeco) -----------------------------------

# --- Profile pages: public 2023 (top-card-layout) ---------------------------------------------

# --- Profile pages: 2026 (hashed classes; structure, headings, componentkey, aria) ------------

# --- Details sub-pages (/details/<section>/) --------------------------------------------------

# --- People search results --------------------------------------------------------------------

# --- Company pages ----------------------------------------------------------------------------

# --- Page classification (login walls, non-LinkedIn pages) -------------------------------------
# classify.py reads only these: literal substrings (cheap `in` tests on the raw page) and regexes
# run on the raw text or on the <head> prefix, never a soup.

# Where a saved page tells its own URL, first match wins (all generations). Chrome's "Save page
# as" comment (details-skills-2025, profile-2026-first-degree), SingleFile's header comment
# (profile-2022-self), the canonical link and og:url (public-2023).
CLASSIFY_URL_HINTS = [
    re.compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+)", re.I),
    re.compile(r"<!--\s*Page saved with SingleFile\s+url:\s*(https?://\S+)", re.I),
    re.compile(r"<link[^>]+rel=[\"']?canonical[\"']?[^>]+href=[\"']?([^\"'\s>]+)", re.I),
    re.compile(r"<link[^>]+href=[\"']?([^\"'\s>]+)[\"']?[^>]+rel=[\"']?canonical", re.I),
    re.compile(r"<meta[^>]+property=[\"']?og:url[\"']?[^>]+content=[\"']?([^\"'\s>]+)", re.I),
]
CLASSIFY_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.I | re.S)
# <meta name="pageKey">: logged-in 2018–2025 (profile-2022-self) and public 2023 (public-2023).
CLASSIFY_PAGE_KEY = re.compile(
    r"<meta[^>]+name=[\"']?pageKey[\"']?[^>]+content=[\"']?([\w-]+)", re.I)
# pageKey prefixes → kind; longest first, so a details key wins over the profile key.
CLASSIFY_PAGE_KEYS = [
    ("d_flagship3_profile_view_base_", "profile-details"),  # …_skills_details (2025 details)
    ("d_flagship3_profile_view_base", "profile"),
    ("d_flagship3_profile", "profile"),
    ("public_profile", "profile"),                           # public-2023
    ("d_flagship3_search_srp_people", "search-results"),
    ("d_flagship3_search_srp_all", "search-results"),
    ("d_flagship3_company", "company"),
    ("d_flagship3_school", "company"),
    ("public_company", "company"),
]

# URL paths (on any *.linkedin.com host; stable since 2016) → kind.
CLASSIFY_URL_KINDS = [
    (re.compile(r"^/in/[^/]+/details/[^/]+"), "profile-details"),  # details-skills-2025
    (re.compile(r"^/in/[^/]+/?(?:overlay/.*)?$"), "profile"),     # every profile fixture
    (re.compile(r"^/pub/[^/]+(?:/[^/]+){0,3}/?$"), "profile"),    # public 2016 /pub/name/x/y/z
    (re.compile(r"^/search/results/(?:people|all)(?:/|$)"), "search-results"),
    (re.compile(r"^/(?:company|school|showcase)/[^/]+"), "company"),  # company-about-2018
]
# Sign-in, sign-up and checkpoint paths: what a logged-out capture of a profile shows.
CLASSIFY_LOGIN_PATH = re.compile(
    r"^/(?:login|uas/|checkpoint/|authwall|signup|start/join|m/login|reg/|cap/)", re.I)
# Other LinkedIn areas, named in the error message (first match wins).
CLASSIFY_OTHER_PATHS = [
    (re.compile(r"^/in/[^/]+/(?:recent-activity|detail/recent-activity)"), "activity"),
    (re.compile(r"^/search/results/(\w[\w-]*)"), "search ({})"),
    (re.compile(r"^/(?:feed|posts)(?:/|$)"), "feed"),
    (re.compile(r"^/messaging(?:/|$)"), "messaging"),
    (re.compile(r"^/jobs?(?:/|$)"), "jobs"),
    (re.compile(r"^/mynetwork(?:/|$)"), "My Network"),
    (re.compile(r"^/notifications(?:/|$)"), "notifications"),
    (re.compile(r"^/(?:pulse|newsletters)(?:/|$)"), "article"),
    (re.compile(r"^/groups(?:/|$)"), "group"),
    (re.compile(r"^/events(?:/|$)"), "event"),
    (re.compile(r"^/learning(?:/|$)"), "LinkedIn Learning"),
    (re.compile(r"^/sales(?:/|$)"), "Sales Navigator"),
    (re.compile(r"^/talent(?:/|$)"), "Recruiter"),
    (re.compile(r"^/(?:settings|psettings|mypreferences)(?:/|$)"), "settings"),
    (re.compile(r"^/?$"), "home"),
]

# Titles of sign-in walls, in the interface languages we support ("LinkedIn Login, Sign in |
# LinkedIn", "Sign Up | LinkedIn", "Security Verification | LinkedIn", "Entrar | LinkedIn"…).
CLASSIFY_LOGIN_TITLE = re.compile(
    r"\b(?:sign[ -]?in|log[ -]?in|sign[ -]?up|join linkedin|security verification|entrar|"
    r"iniciar sesi[oó]n|inscr[ií]ba|identifiez|connexion|s['’]identifier|anmelden|einloggen|"
    r"zaloguj|zarejestruj|cadastre|reg[ií]strate)\b", re.I)
# Titles of other LinkedIn areas: "Feed | LinkedIn", "(3) Messaging | LinkedIn"…
CLASSIFY_OTHER_TITLES = [
    (re.compile(r"^(?:\(\d+\)\s*)?(?:feed|início|inicio|accueil|startseite|strona główna)\s*\|",
                re.I), "feed"),
    (re.compile(r"^(?:\(\d+\)\s*)?(?:messaging|mensagens|mensajes|messagerie|nachrichten|"
                r"wiadomości)\s*\|", re.I), "messaging"),
    (re.compile(r"^(?:\(\d+\)\s*)?(?:jobs|vagas|empleos|emplois|praca|oferty pracy)\s*\|",
                re.I), "jobs"),
    (re.compile(r"^(?:\(\d+\)\s*)?(?:notifications|notificações|notificaciones|mitteilungen|"
                r"benachrichtigungen|powiadomienia)\s*\|", re.I), "notifications"),
    (re.compile(r"^(?:\(\d+\)\s*)?(?:my network|minha rede|mi red|mon réseau|mein netzwerk|"
                r"moja sieć)\s*\|", re.I), "My Network"),
]
# People search pages are titled "<query> | Search | LinkedIn" (2019–2026).
CLASSIFY_SEARCH_TITLE = re.compile(
    r"\|\s*(?:search|pesquisa|pesquisar|búsqueda|buscar|recherche|suche|wyszukiwanie)\s*\|"
    r"\s*linkedin\s*$", re.I)
# Details sub-pages are titled "<section> | <name> | LinkedIn" (details-skills-2025: "(12)
# Skills | … | LinkedIn"); section names in the supported interface languages.
CLASSIFY_DETAILS_TITLE = re.compile(
    r"^(?:\(\d+\)\s*)?(?:experience|education|skills|languages|licenses & certifications|"
    r"certifications|projects|volunteering|volunteer experience|honors & awards|courses|"
    r"publications|recommendations|interests|organizations|patents|test scores|"
    r"experiência|formação acadêmica|competências|idiomas|experiencia|educación|aptitudes|"
    r"expérience|formation|compétences|langues|berufserfahrung|ausbildung|kenntnisse|"
    r"sprachen|doświadczenie|wykształcenie|umiejętności|języki)\s*\|[^|]+\|\s*linkedin\s*$",
    re.I)

# Literal markers, tested with `in` on the raw page, strongest first.
CLASSIFY_PROFILE_MARKERS = (
    "pv-top-card",                       # logged-in 2018–2023 (profile-2018-self, -2022-self)
    "pv-text-details",                   # logged-in 2022 top card (profile-2022-self)
    "com.linkedin.sdui.profile.card",    # 2026 componentkey (profile-2026-first-degree)
    "public_profile",                    # public 2023 pageKey / tracking (public-2023)
    "profile-topcard",                   # public 2016 ("#topcard.profile-topcard")
)
CLASSIFY_DETAILS_MARKERS = ("pvs-list", "pvs-header")  # 2022–2025 lists (details-skills-2025)
CLASSIFY_COMPANY_MARKERS = (
    "org-top-card",                      # logged-in 2018–2025 (company-about-2018)
    "org-page-details",                  # About tab definition list (company-about-2018)
    "organization-outlet",               # 2018 Ember outlet (company-about-2018)
    'data-test-id="about-us__',          # public company pages 2020–2025
)
CLASSIFY_SEARCH_MARKERS = (
    "reusable-search__result-container",  # 2021–2024 (search-2022-fragment)
    "entity-result__",                    # 2021–2025 (search-2022-fragment)
    "search-result__occluded-item",       # 2019–2020 people search
    "search-result__wrapper",             # 2019–2020 people search
)
# Login forms with no profile, company or search markup: a sign-in wall saved by mistake.
CLASSIFY_LOGIN_MARKERS = ('name="session_password"', "authwall", 'id="join-form"',
                          "login__form", 'name="session_key"')
# Anything that says "this came from LinkedIn", for the not-LinkedIn message.
CLASSIFY_LINKEDIN_MARKERS = ("licdn.com", "artdeco", "ember-view", "linkedin.com/in/",
                             "linkedin.com/company/")
