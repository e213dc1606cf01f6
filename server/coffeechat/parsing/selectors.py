"""Every LinkedIn selector and text pattern the parser uses, grouped by page generation.

Each entry names the generation it serves and the fixture under tests/fixtures/pages that
proves it. Strategy modules import from here; no selector string lives anywhere else.
"""

import re

# --- Shared: <title>, og: meta, canonical link (all generations) -----------------------------

# Elements that never hold page text: cut from the raw HTML (with comments) before any tree
# is built, which is most of the cost on logged-in pages (1.8 MB profile-2022-self.html →
# 0.54 MB). The start is found by regex and the end by str.find, 5× faster than one regex
# (page.strip_noise; the search and company readers use it too).
NOISE_START = re.compile(r"<(script|style|code|svg|template|noscript|iframe)[\s>/]|<!--")
# JSON-LD survives the cut above only because it is read first (public-2023.html).
JSON_LD_BLOCKS = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>", re.S | re.I)
# Voyager JSON in <code> blocks of logged-in Ember pages: the subject's entity has
# publicIdentifier = the URL's slug. Browsers' "save page" writes the quotes raw
# (profile-2022-self.html, details-skills-2025.html); served pages escape them as &quot;.
VOYAGER_PUBLIC_ID = "publicIdentifier"
VOYAGER_ID_VALUE = re.compile(r'(?:"|&quot;)\s*:\s*(?:"|&quot;)([^&"]+)(?:"|&quot;)')
# The profile's list entities, by the last part of their $type (2019–2025 "identity.profile"
# and "dash.identity.profile" types; pages/profile/profile-2021-pt-accomplishments.html).
VOYAGER_LIST_TYPES = {"Position": "experience", "Education": "education", "Skill": "skills",
                      "Language": "languages"}
# Proficiency codes and the words LinkedIn's English interface shows for them.
VOYAGER_PROFICIENCY = {
    "ELEMENTARY": "Elementary proficiency", "LIMITED_WORKING": "Limited working proficiency",
    "PROFESSIONAL_WORKING": "Professional working proficiency",
    "FULL_PROFESSIONAL": "Full professional proficiency",
    "NATIVE_OR_BILINGUAL": "Native or bilingual proficiency",
}
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                       "Nov", "Dec")
# Relationship distances beyond the second degree.
VOYAGER_FAR = re.compile(r"DISTANCE_3|OUT_OF_NETWORK")
# Where the subject's cards live on every generation that has one (not 2018 body-only saves).
MAIN_START = re.compile(r"<main[\s>]")
# The head is read by regex (saved heads hold up to 0.7 MB of meta tags).
HEAD_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.S | re.I)
HEAD_TAGS = re.compile(r"""<(meta|link)\s(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
HEAD_ATTRIBUTES = re.compile(r"""(?<![\w:-])([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
HEAD_WANTED = ("og:", "description", "profile:", "canonical")
HEAD_META_KEYS = frozenset({"og:title", "og:url", "og:image", "og:description", "description",
                            "profile:first_name", "profile:last_name"})
# "Chrome: Save page as" leaves the address in a comment (profile-2026-first-degree.html).
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->|\burl:\s*(https?://\S+)")
# "(12) Skills | Fabio Brunelli | LinkedIn" (details-skills-2025.html), "Name | LinkedIn".
TITLE_SEPARATOR = re.compile(r"\s+\|\s+")
TITLE_NOTIFICATIONS = re.compile(r"^\(\d+\+?\)\s*")
TITLE_SITE = re.compile(r"^linkedin$", re.I)
# Public titles read "Name - Title - Company" (public-2023.html): the name is the first part.
TITLE_NAME_DASH = re.compile(r"\s+-\s+")

# Cutting the profile part out with lxml before BeautifulSoup sees it (all generations use
# <section> for cards). A section is named by its first headings of these tags.
SECTION_HEADINGS = ("h1", "h2", "h3")
# A heading's text without its visually-hidden twin ("ExperienceExperience" otherwise).
HEADING_TEXT = ".//text()[not(ancestor::*[contains(@class, 'visually-hidden')])]"
# Ember anchors name the card: <div id="experience" class="pv-profile-card-anchor">
# (profile-2022-self.html, details pages 2021–2025).
# Any child <div>'s id counts, so the anchor still names the card when its class is hashed.
SECTION_ANCHOR_IDS = "./div/@id"
# The top card is the section holding the name: an h1 (2016–2025), an h2 inside the link to
# the profile (profile-2026-first-degree.html), or else the contact-info link (2019–2020).
TOPCARD_NAME = ".//h1"
TOPCARD_NAME_2026 = ".//a[contains(@href, '/in/')]//h2"
TOPCARD_CONTACT_LINK = ".//a[contains(@href, 'contact-info')]"
# Top cards saved without a <section> (2026 captures stripped to bare divs): the card is the
# largest block around the name whose /in/ links all point at the member the name links to.
TOPCARD_OWN_LINK = "ancestor::a[contains(@href, '/in/')][1]/@href"
TOPCARD_MEMBER_LINKS = ".//a[contains(@href, '/in/')]/@href"

# Cut before the soup is built: elements without text (but not images, whose src is the
# photo, nor <hr> and <br>, which separate 2026 list items and lines of a description, nor
# <figure>, the logo slot of a 2026 top-card company/school entry, which stays in place even
# when a capture dropped its image), screen-reader duplicates and controls.
DROP_EMPTY = (".//*[not(normalize-space())][not(self::img or self::hr or self::br"
              " or self::figure)][not(.//img or .//hr or .//figure)]")
DROP_CONTROLS = (".//*[contains(@class, 'visually-hidden')]"
                 " | .//button | .//select | .//input | .//label")
# Media players, dropped everywhere (the top card keeps its controls, not these): a 2026
# top card embeds the name-pronunciation recording as a video.js player whose labels
# ("Video Player is loading.", "Duration", "0:07", caption-settings dialog) would otherwise
# be read as the headline (unseen real 2026 top card).
DROP_MEDIA = (".//*[@data-vjs-player] | .//audio | .//video | .//*[@role='dialog']"
              "[@aria-hidden='true']")
# ASCII control bytes (never part of a UTF-8 sequence) that lxml refuses in text.
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
# Attribute names lxml accepts in lookups; damaged pages can hold others.
XML_NAME = re.compile(r"^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$")
# Attributes the strategies read; every other attribute is dropped before the soup is built.
KEPT_ATTRIBUTES = frozenset({"class", "href", "src", "aria-hidden", "aria-label", "role",
                             "componentkey", "data-section", "data-view-name", "datetime",
                             "data-delayed-url", "alt", "id"})

# Section names as printed in the interface languages users meet (EN, PT, ES, FR, DE, PL);
# a heading is matched after whitespace is collapsed and case folded. EN: every shared
# fixture; PT and DE: tests/fixtures/pages/profile-2022-pt.html, profile-2026-de-….
SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "about": ("about", "summary", "sobre", "acerca de", "extracto", "infos", "info",
              "à propos", "über mich", "informacje", "o mnie", "podsumowanie"),
    "experience": ("experience", "experiência", "experiencia", "expérience",
                   "expériences", "berufserfahrung", "erfahrung", "doświadczenie"),
    "education": ("education", "formação acadêmica", "formação", "educação", "educación",
                  "formación", "formation", "ausbildung", "wykształcenie", "edukacja"),
    "skills": ("skills", "skills & endorsements", "competências", "aptitudes", "habilidades",
               "compétences", "kenntnisse", "kenntnisse & fähigkeiten", "umiejętności"),
    "languages": ("languages", "language", "idiomas", "idioma", "langues", "langue",
                  "sprachen", "sprache", "języki", "język"),
}
# Headings that name a block inside a card of another name (the accomplishments card's
# "Languages" / "Idiomas" block, 2017–2021; pages/profile/profile-2021-pt-accomplishments.html).
BLOCK_HEADINGS = ("h3",)
# Class tokens naming a card directly: 2018 (profile-2018-self.html) and public 2023
# (public-2023.html).
SECTION_CLASS_TOKENS: dict[str, tuple[str, ...]] = {
    "about": ("summary", "pv-about-section"),
    "experience": ("experience-section", "experience"),
    "education": ("education-section", "education"),
    "skills": ("pv-skill-categories-section", "skills"),
    "languages": ("languages",),
}
# The items of a /details/<section>/ list (2022–2024) name their section in their id:
# "profilePagedListComponent-<profile id>-EDUCATION-VIEW-DETAILS-…-0". A list saved without
# its card and heading is keyed by that (unseen real 2023 /details/education/ list;
# pages/details-education-2023-list-only.html; details-skills-2025 has the same ids).
DETAILS_LIST_ITEMS = ".//li[starts-with(@id, 'profilePagedListComponent-')]"
DETAILS_LIST_SECTION = re.compile(r"-(EXPERIENCE|EDUCATION|SKILLS|LANGUAGES)-VIEW-DETAILS")

# Text inside these is for screen readers or is a control, never page content: the Ember
# generations double every text as aria-hidden + visually-hidden (profile-2022-self.html),
# 2018 labels fields with visually-hidden words (profile-2018-self.html), 2026 puts
# "… more" in buttons (profile-2026-first-degree.html).
HIDDEN_CLASSES = frozenset({"visually-hidden", "a11y-text", "sr-only", "lt-line-clamp__ellipsis",
                            "lt-line-clamp__more", "inline-show-more-text__button",
                            "see-more-less-toggle", "show-more-less-text__button",
                            # display:none utility of the public pages (2020–2025): the website
                            # link's <p class="hidden">External link for …</p> (unseen real
                            # public company page; pages/company-public-2024-no-head.html).
                            "hidden"})
HIDDEN_TAGS = frozenset({"button", "script", "style", "noscript", "template", "svg", "select",
                         "option", "input", "label", "li-icon", "img", "figure"})
# Tags that flow inside a line of text rather than starting a new one.
INLINE_TAGS = frozenset({"time", "strong", "b", "em", "i", "abbr", "small", "sup", "sub", "u",
                         "mark", "bdi", "bdo", "wbr", "font"})

# Connection degree badges: "· 1st", "2nd", "3rd+", "1º", "2e", "3.", "1er" (EN/PT/ES/FR/DE/PL);
# profile-2026-first-degree.html shows both "· 1st" and "· 2nd"; hand-made pages in
# tests/fixtures/pages prove "2º" (profile-2022-pt.html) and "· 2." (profile-2026-de-…).
DEGREE_BADGE = re.compile(
    r"^[·•\s]*([123])\s*(?:st|nd|rd|th|º|°|ª|er|re|e|ème|\.|\+)\s*\+?"
    r"(?:\s*(?:degree connection|grau|grado|niveau|grades?|stopnia))?\s*$", re.I)
# Primary calls to action decide between two badges (profile-2026-first-degree.html).
MESSAGE_CTA_HREF = "/messaging/"
# Searched in a control's text and aria-label ("Invite X to connect", "Vernetzen",
# "X einladen, sich zu vernetzen", "Conectar", "Se connecter", "Nawiąż kontakt");
# tests/fixtures/pages/profile-2026-de-second-degree.html.
CONNECT_CTA = re.compile(r"\b(connect|conectar|conecte|se connecter|vernetzen|nawiąż kontakt|"
                         r"zaproś)\b", re.I)
# An invitation already sent shows "Pending" (aria-label "Pending, click to withdraw
# invitation sent to X") where Connect was: not connected yet, so not 1st either (unseen real
# 2026 top card with both "· 1st" and "· 2nd" rendered). EN, PT, ES, FR, DE, PL.
PENDING_CTA = re.compile(r"^\s*(pending|pendente|pendiente|en attente|ausstehend|oczekuje)\b"
                         r"|withdraw invitation|retirar convite|retirar invitación"
                         r"|retirer l’invitation|einladung zurückziehen|wycofaj zaproszenie",
                         re.I)
# The location sits just before the contact-info link in every logged-in top card since 2021.
CONTACT_INFO = re.compile(r"^(?:see )?(contact info|informações de contato|información de contacto|"
                          r"datos de contacto|coordonnées|kontaktinfo(rmationen)?|"
                          r"dane kontaktowe|informacje kontaktowe)$", re.I)
CONTACT_INFO_HREF = "contact-info"
# Lines of a top card that are neither headline nor location: separators, pronouns, counts
# ("397 connections", "6K followers", "500+ connections").
# Links and buttons styled as buttons are calls to action, never the headline: an own-profile
# card of late 2024 has <a class="… artdeco-button …">Verify now</a> right after the name
# (unseen real 2024 own-profile page; tests/fixtures/pages/profile-2024-self-verify-cta.html).
TOPCARD_CONTROL_CLASSES = frozenset({"artdeco-button"})
# Links from a top card to LinkedIn features, not to a member: calls to action (same page,
# with its classes hashed in test_class_hashing.py).
TOPCARD_FEATURE_LINK = re.compile(r"/(verify|premium|open-to|opportunities|mynetwork|"
                                  r"messaging|services|creator-mode)\b")
# Public cards show the place within this many lines after the headline.
TOPCARD_LOCATION_LINES = 3
# At most this many lines (pronouns, verification or premium labels) sit between a top card's
# name and its "· 2nd" badge; further away, a badge belongs to something else.
TOPCARD_NAME_ROW_LINES = 3
TOPCARD_NOISE = re.compile(
    r"^(\W*|\(?(he/him|she/her|they/them|he/they|she/they|ele/dele|ela/dela|él|ella|il/lui|"
    r"elle|er/ihm|sie/ihr)\)?|verified|premium|(linkedin )?top voice|"
    r"[\d,.]+\s*[KkMm]?\+?\s+\S+(\s+\S+)?)$", re.I)
# Links around other people's faces in a top card: the mutual connections' search (a 32 px
# face each; pages/profile/profile-2023-mutual-thumbnail.html).
OTHER_PEOPLE_LINK = re.compile(r"/search/|connectionOf")
# Member photos are served from these CDN paths since 2017 (all logged-in generations).
PHOTO_PATH = re.compile(r"profile-(display|framed)photo|/mpr/|shrinknp_")

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
# Work mode shown after a location since 2023 ("Paris, France · Hybrid"): not the location
# (tests/fixtures/pages/profile-2022-pt.html, details-experience-2024.html).
WORK_MODES = frozenset(s.casefold() for s in (
    "On-site", "Remote", "Hybrid", "Presencial", "Remoto", "Híbrido", "En remoto",
    "Sur site", "Sur place", "À distance", "Télétravail", "Hybride", "Vor Ort", "Hybrid",
    "Stacjonarnie", "Zdalnie", "Hybrydowo", "Praca zdalna", "Praca hybrydowa",
))
LINE_SEPARATOR = re.compile(r"\s+[·•]\s+")
# What follows a company's main name: " - tagline", " | …", " (formerly …)".
COMPANY_NAME_TAIL = re.compile(r"\s+[-–|]\s+|\s*\(")
# Seats held beside a job: of several ongoing roles, these are not the current one unless
# the headline names them (pages/profile/public-2016-several-ongoing.html). EN, PT, ES, FR,
# DE, PL.
NON_EMPLOYEE_TITLE = re.compile(
    r"\b(board|advis[oe]r|advisory|trustee|mentor|investor|volunteer|ambassador|"
    r"conselh|consejo|conseil|administrat|beirat|aufsichtsrat|rada|doradca)", re.I)
# Lines under an entry that are labels of other data, not a location or a degree.
LABELLED_LINE = re.compile(
    r"^(skills|competências|aptitudes|compétences|kenntnisse|umiejętności|"
    r"activities and societies|atividades e grupos|actividades y grupos|"
    r"activités et associations|aktivitäten und verbände|działalność i stowarzyszenia|"
    r"grade|nota|note|calificación|ocena)\s*:", re.I)

# --- Profile pages: public 2016 ----------------------------------------------------------------

# Public profiles 2014–2017 ("profile-section" cards named by id). No shared fixture: from the
# markup of that era, proven by tests/fixtures/pages/public-2016.html.
SECTION_IDS = {"summary": "about", "experience": "experience", "education": "education",
               "skills": "skills", "languages": "languages"}
P2016_MARKERS = frozenset({"profile-overview-content", "item-title", "pills", "positions",
                           "schools"})
P2016_NAME = ("fn",)
P2016_NAME_ID = "name"
P2016_HEADLINE = ("headline",)
P2016_LOCATION = ("locality",)
P2016_PHOTO = ("profile-picture",)
P2016_SUMMARY = ("description",)
P2016_POSITION = ("position",)
P2016_SCHOOL = ("school",)
P2016_TITLE = ("item-title",)
P2016_SUBTITLE = ("item-subtitle",)
# A school's subtitle is "Degree, Field" — in two spans, or in one translation span holding
# both (unseen real 2016 page; tests/fixtures/pages/public-2016-one-span-degree.html).
P2016_DEGREE_FIELD_SEPARATOR = ", "
P2016_DATE_RANGE = ("date-range",)
P2016_LOCATION_ITEM = ("location",)
P2016_DESCRIPTION = ("description",)
P2016_SKILL = ("skill",)
P2016_SKILL_CONTROLS = ("see-more", "see-less")
P2016_LANGUAGE = ("language",)
P2016_LANGUAGE_NAME = ("name",)
P2016_PROFICIENCY = ("proficiency",)
# "July 2015 – Present (1 year 2 months)": the duration in brackets.
P2016_BRACKETED_DURATION = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")

# --- Profile pages: logged-in 2018 (pv-*) -----------------------------------------------------

# All from profile-2018-self.html (Ember, 2017–2020). Class tokens, looked up by a plain walk.
PV_MARKERS = frozenset({"pv-top-card-section__name", "pv-entity__summary-info",
                        "pv-skill-category-entity__name"})
PV_NAME = ("pv-top-card-section__name",)
PV_HEADLINE = ("pv-top-card-section__headline",)
PV_LOCATION_TOP = ("pv-top-card-section__location",)
# The About text sits in the top card in this generation, full text behind "See more".
PV_SUMMARY = ("pv-top-card-section__summary-text", "pv-about__summary-text")
PV_DEGREE_BADGE = ("dist-value",)
PV_POSITION = ("pv-position-entity",)
PV_GROUP_ROLE = ("pv-entity__position-group-role-item",)
PV_GROUP_COMPANY = ("pv-entity__company-summary-info",)
PV_TITLE = "h3"
PV_COMPANY = ("pv-entity__secondary-title",)
# 2019–2020 pages nest the employment type inside the company line:
# <p class="pv-entity__secondary-title">Acme <span class="pv-entity__secondary-title
# separator">Full-time</span></p> (unseen real 2020 page; tests/fixtures/pages/
# profile-2020-pv-employment-type.html).
PV_EMPLOYMENT_TYPE = ("separator",)
PV_DATE_RANGE = ("pv-entity__date-range",)
PV_DURATION = ("pv-entity__bullet-item-v2",)
PV_LOCATION = ("pv-entity__location",)
PV_DESCRIPTION = ("pv-entity__description",)
PV_SCHOOL = ("pv-education-entity",)
PV_SCHOOL_NAME = ("pv-entity__school-name",)
# "9-12" in pv-entity__grade is a grade, not a degree.
PV_DEGREE = ("pv-entity__degree-name",)
PV_FIELD = ("pv-entity__fos",)
PV_SCHOOL_DATES = ("pv-entity__dates",)
PV_SKILL_NAME = ("pv-skill-category-entity__name",)
PV_LANGUAGE = ("pv-accomplishments-block__summary-list-item",)
# The expanded block lists each language with its proficiency (same proof).
PV_LANGUAGE_ENTITY = ("pv-accomplishment-entity",)
PV_LANGUAGE_NAME = ("pv-accomplishment-entity__title",)
PV_PROFICIENCY = ("pv-accomplishment-entity__proficiency",)
# 2019–2020 top cards dropped the pv-top-card-section__* names: the name is the first item of
# the pv-top-card--list, and the generic top-card reading takes over from there.
PV_TOPCARD_LIST = ("pv-top-card--list",)

# --- Profile pages: logged-in 2021–2025 (pvs-list, artdeco) -----------------------------------

# Markers of the generation: pvs-* lists and the pv-text-details top card
# (profile-2022-self.html, details-skills-2025.html).
PVS_MARKERS = frozenset({"pvs-list", "pvs-entity", "pvs-header__title", "pvs-list__paged-list-item",
                         "pv-text-details__left-panel"})
# Entries: main-page cards use artdeco-list__item (profile-2022-self.html), /details/ pages
# pvs-list__paged-list-item (details-skills-2025.html).
PVS_ITEMS = ("artdeco-list__item", "pvs-list__paged-list-item")
# Since 2024 the About card lists the member's top skills under its text, labelled on the
# line before them: the About text ends at that label (EN, PT, ES, FR, DE, PL, IT;
# pages/profile/profile-2026-pl-self-top-skills.html).
TOP_SKILLS_LABEL = re.compile(
    r"^(top skills|principais competências|aptitudes principales|principales compétences|"
    r"top-kenntnisse|top kenntnisse|najważniejsze umiejętności|competenze principali)\b", re.I)
# The About card's own text; since 2024 the card also lists "Top skills" below it.
PVS_ABOUT_TEXT = ("inline-show-more-text", "inline-show-more-text--is-collapsed",
                  "inline-show-more-text--is-expanded", "pv-shared-text-with-see-more")

# --- Profile pages: public 2023 (top-card-layout) ---------------------------------------------

# All from public-2023.html (logged-out public_profile_v3, 2020–2024); class tokens.
PUBLIC_MARKERS = frozenset({"top-card-layout__title", "profile-section-card",
                            "core-section-container__content"})
PUBLIC_NAME = ("top-card-layout__title",)
PUBLIC_HEADLINE = ("top-card-layout__headline",)
PUBLIC_SUBLINE_ITEMS = ("top-card__subline-item",)
PUBLIC_PHOTO = ("top-card__profile-image", "top-card-layout__entity-image")
PUBLIC_SECTION_CONTENT = ("core-section-container__content",)
PUBLIC_EXPERIENCE_ITEM = ("experience-item",)
PUBLIC_GROUP_POSITION = ("experience-group-position",)
PUBLIC_GROUP_COMPANY = ("experience-group-header__company",)
PUBLIC_GROUP_DURATION = ("experience-group-header__duration",)  # the company's total ("4 years")
# 2024 public pages name a role's title and company on inner spans instead
# (span.experience-item__title / __subtitle; unseen real 2024 public experience section;
# pages/public-2024-experience-meta-items.html).
PUBLIC_CARD_TITLE = ("profile-section-card__title", "experience-item__title")
PUBLIC_CARD_SUBTITLE = ("profile-section-card__subtitle", "experience-item__subtitle")
PUBLIC_DATE_RANGE = ("date-range",)
PUBLIC_POSITION_LOCATION = ("experience-item__location", "experience-group-position__location")
PUBLIC_POSITION_DESCRIPTION = ("experience-item__description",
                               "experience-group-position__description")
# 2024: the lines under a role are unlabelled p.experience-item__meta-item — dates, then the
# location — and the description is the meta item carrying data-section (same proof).
PUBLIC_META_ITEM = ("experience-item__meta-item",)
PUBLIC_META_DESCRIPTION_ATTR = "data-section"
# Long descriptions come twice, truncated ("--less") and full ("--more"): the full one wins.
PUBLIC_DESCRIPTION_FULL = ("show-more-less-text__text--more",)
PUBLIC_EDUCATION_ITEM = ("education__list-item",)
PUBLIC_DEGREE_PARTS = ("education__item--degree-info",)

# --- Profile pages: 2026 (hashed classes; structure, headings, componentkey, aria) ------------

# Screen-reader labels and controls that pages with readable class names hide in
# visually-hidden spans (2017–2020 "Company Name", "Dates Employed", "Edit position …" in
# profile-2018-self.html; "Location" / "Industry" terms of public 2016 top cards), and lone
# separators (public-2016.html's ","): when class names are hashed or stripped, the structure
# reader must skip them by their words (test_class_hashing.py).
SCREEN_READER_LINE = re.compile(
    r"^(\W*|company name|title|dates employed|employment duration|location|industry|"
    r"degree name|field of study|dates attended or expected graduation|grade|"
    r"nome da empresa|cargo|datas de emprego|duração do emprego|localidade|nome do diploma|"
    r"área de estudo|datas de estudos ou previsão de formatura|"
    r"(edit|add new) (position|education|profile|skill|section)s?\b.*|edit profile|"
    r"see (contact info|connections.*|more|less)|show (more|less)|"
    r"\S+ has an? .*account)$", re.I)
# Server-driven cards carry componentkey attributes (profile-2026-first-degree.html).
SDUI_MARKERS = frozenset({"@componentkey"})
# The name is the h2 inside the top card's link to the profile (profile-2026-first-degree.html).
SDUI_NAME = 'a[href*="/in/"] h2'
# Beside the top card's text, 2026 lists the current company then the latest school, each a
# <figure> logo followed by the name (profile-2026-first-degree; stripped 2026 captures).
SDUI_TOPCARD_ENTRY_LOGO = "figure"
# "Show all" footers link to /details/<section>/ (profile-2026-first-degree.html).
DETAILS_LINK = "/details/"

# --- Details sub-pages (/details/<section>/) --------------------------------------------------

# No top card: the name comes from the title (TITLE_* above). Tabs repeat the same items once
# per category: only the first panel is read (details-skills-2025.html renders its 49 skills
# four times: All, Industry Knowledge, Tools & Technologies, Interpersonal Skills).
TABS = ".//*[@role='tabpanel' or @role='tablist']"
# Endorsements and insights under each skill ("25 endorsements", "Passed LinkedIn Skill
# Assessment"): never a skill, and most of a skills page's size (details-skills-2025.html;
# [role=list] in profile-2026-first-degree.html).
SKILL_INSIGHTS = (".//*[contains(@class, 'pvs-entity__sub-components')]"
                  " | .//*[@role='list'] | .//li//ul")

# --- Structure the cut keeps (after every profile selector above) ----------------------------

# Single-child wrappers of these tags are unwrapped before the soup is built unless they carry
# one of these attributes or class tokens: each level costs the soup ~30 µs.
WRAPPER_TAGS = ("div", "span")
STRUCTURAL_ATTRIBUTES = frozenset({"id", "role", "aria-hidden", "aria-label", "componentkey",
                                   "data-section", "data-view-name"})
STRUCTURAL_CLASSES = frozenset().union(
    HIDDEN_CLASSES, PV_MARKERS, PUBLIC_MARKERS, P2016_MARKERS, PVS_MARKERS, PVS_ITEMS,
    *(value for name, value in list(globals().items())
      if name.startswith(("PV_", "PUBLIC_", "P2016_")) and isinstance(value, tuple)),
)

# --- People search results --------------------------------------------------------------------
# search.py cuts the results list out of the raw page by string position, then reads each card
# with the first generation below that finds cards; the hashed-class fallback after it.

# Literal markers of the start of the results list, earliest generation last.
SEARCH_LIST_MARKERS = (
    "reusable-search__result-container",      # 2021–2024 (search-2022-fragment)
    "entity-result",                          # 2021–2025 (search-2022-fragment)
    "data-chameleon-result-urn",              # 2021–2025, survives the 2025 class hashing
    "search-result__occluded-item",           # 2019–2020 (pages/search-2019-search-result)
    "search-result__wrapper",                 # 2019–2020 (pages/search-2019-search-result)
    "search-result__info",                    # 2019–2020 card bodies saved without their list
)
# Class-named generations: the card's class tokens, then the class token of each field inside
# a card (looked up with find(class_=…), which is several times cheaper than CSS selectors).
# "link" and "name" name the element holding the profile link and the name.
SEARCH_GENERATIONS = (
    {   # 2021–2024 Ember "reusable-search" / "entity-result" cards (search-2022-fragment).
        "strategy": "dom-entity-result",
        "card": ("reusable-search__result-container", "entity-result"),
        "link": "entity-result__title-text",
        "name": "entity-result__title-text",
        "headline": "entity-result__primary-subtitle",
        "location": "entity-result__secondary-subtitle",
        # The badge is rendered twice (entity-result__badge and __badge-overflow): take one.
        "degree": "entity-result__badge-text",
    },
    {   # 2019–2020 Ember "search-result" cards: name in .actor-name, degree in .dist-value
        # (pages/search-2019-search-result). A fragment of card bodies (search-result__info
        # only, pages/search-2019-info-cards-only) is read the same way; in a whole page the
        # body is nested in its card and _outermost keeps the card.
        "strategy": "dom-search-result",
        "card": ("search-result", "search-result__wrapper", "search-result__info"),
        "link": "search-result__result-link",
        "name": "actor-name",
        "headline": "subline-level-1",
        "location": "subline-level-2",
        "degree": "dist-value",
    },
)
# Where the results live: <main> when the page has one (logged-in 2019–2026); lists are <ul>.
SEARCH_ROOT_OPEN, SEARCH_ROOT_CLOSE, SEARCH_LIST_OPEN = "<main", "</main>", "<ul"
# Climbing from a lone profile link stops at a list item: <li> (2019–2025), role="listitem"
# (2026 SDUI lists).
SEARCH_ITEM_TAG, SEARCH_ITEM_ROLE = "li", "listitem"
# Card roots that outlived the 2025 class hashing (data-chameleon-result-urn, data-view-name);
# without them, cards are the repeated siblings that link to profiles (pages/search-2026-hashed,
# and search-2022-fragment with its classes hashed in test_search.py).
SEARCH_CARD_ATTRS = "[data-chameleon-result-urn], [data-view-name*='search-entity-result']"
# A link to a member profile, relative or absolute, on any LinkedIn host (all generations).
SEARCH_PROFILE_HREF = re.compile(r"^(?:https?://[\w.-]*linkedin\.com)?/in/[^/?#]+", re.I)
# Out-of-network members: the name LinkedIn shows instead, and where their links go
# (search-2022-fragment: 8 of 10 cards, href …/search/results/people/headless?…).
SEARCH_ANONYMOUS_NAMES = re.compile(
    r"^(linkedin member|membro do linkedin|miembro de linkedin|membre de linkedin|"
    r"linkedin[- ]mitglied|mitglied von linkedin|użytkownik linkedin|członek linkedin)$", re.I)
# The same names as a whole text node, surrounding whitespace allowed (2026 cards have no link).
SEARCH_ANONYMOUS_NAMES_TEXT = re.compile(
    r"^\s*(?:" + SEARCH_ANONYMOUS_NAMES.pattern[1:-1] + r")\s*$", re.I)
SEARCH_ANONYMOUS_HREF = "/headless"
SEARCH_ANONYMOUS_URN = "headless"  # data-chameleon-result-urn="urn:li:member:headless"
# "Name • 2nd" on one line (2026 cards join them when the badge is inline; search-2026-hashed).
SEARCH_NAME_WITH_DEGREE = re.compile(r"^(.*?)\s*[·•]\s*([123]\s*\S{0,3}\s*\+?)$")
# Lines that end a card's person part: summary snippets and insights (search-2022-fragment:
# "Current:", "Summary:"), in the supported interface languages.
SEARCH_STOP_LINE = re.compile(
    r"^(current|past|summary|skills|atual|anterior|resumo|competências|actual|resumen|"
    r"aptitudes|actuel|précédent|résumé|compétences|aktuell|früher|zusammenfassung|"
    r"kenntnisse|obecnie|wcześniej|podsumowanie|umiejętności)\s*:", re.I)
# Lines inside a card that are not the name, headline or location: screen-reader text when its
# class is hashed, insights, buttons (search-2022-fragment, pages/search-2026-hashed).
SEARCH_NOISE_LINE = re.compile(
    r"^(status is \w+|view (?:.+[’']s?\s+)?profile|ver perfil(?: de .+)?|"
    r"voir le profil(?: de .+)?|profil (?:von .+ )?anzeigen|wyświetl profil.*|zobacz profil.*|.*\bmutual connections?\b.*|"
    r".*\b(followers?|seguidores|abonnés|follower|obserwujących)\b.*|"
    r"connect|message|follow|following|pending|invite|conectar|mensagem|mensaje|seguir|"
    r"se connecter|suivre|vernetzen|nachricht|folgen|nawiąż kontakt|wiadomość|obserwuj|"
    r"premium|influencer|verified|open to work|hiring|provides services.*|\W*)$", re.I)

# --- Company pages ----------------------------------------------------------------------------
# company.py reads JSON-LD (public pages), the About tab's label/value pairs whichever
# generation drew them, then the top card and the title.

# JSON-LD types that describe the page's company (public 2020–2025; pages/company-public-jsonld).
COMPANY_JSON_LD_TYPES = frozenset({"Organization", "Corporation", "EducationalOrganization",
                                   "CollegeOrUniversity", "NGO", "LocalBusiness"})
# Company name, tagline and top-card facts, tried in order.
COMPANY_NAME = (
    "h1.org-top-card-primary-content__title",   # 2018 Ember (company-about-2018)
    "h1.org-top-card-summary__title",           # logged-in 2019–2025 (company-2024-about-pt)
    "h1.top-card-layout__title",                # public 2020–2025 (company-public-jsonld)
    "main h1", "h1",                            # 2026 hashed (company-2026-hashed-labels)
)
COMPANY_TAGLINE = (
    "p.org-top-card-primary-content__tagline",  # 2018 Ember (company-about-2018)
    "p.org-top-card-summary__tagline",          # logged-in 2019–2025 (company-2024-about-pt)
    # Public 2020–2025: the tagline is the second subline; the h2 headline holds the industry
    # (unseen real public company page; pages/company-public-2024-no-head.html). Pages that
    # also carry JSON-LD take the tagline from its "slogan" first (company-public-jsonld).
    "h4.top-card-layout__second-subline",
)
# company-about-2018; 2017's org-top-card-module (pages/company/company-2017-overview-module).
COMPANY_TOPCARD_INDUSTRY = (".org-top-card-primary-content__industry, .company-industries,"
                            " .org-top-card-module__company-industries")
COMPANY_TOPCARD_HEADQUARTERS = (".org-top-card-primary-content__headquarter,"
                                " .org-top-card-module__location")
# "51-200 employees" among the 2019–2025 top card's items (pages/company/company-2025-people-tab).
COMPANY_SIZE = re.compile(r"^\d[\d,.]*\s*(?:[-–]\s*\d[\d,.]*|\+)\s+\S+$")
# The top card's website button (same page), in the supported interface languages.
COMPANY_VISIT_WEBSITE = re.compile(
    r"^(visit website|visitar site|visitar sitio web|visitar el sitio web|voir le site web|"
    r"visiter le site web|website besuchen|odwiedź witrynę|odwiedź stronę)\b", re.I)
# 2019–2025 top card lists industry, location, followers, employees without naming them
# (test_company.py: test_home_tab_falls_back_to_the_top_card).
COMPANY_TOPCARD_INFO_ITEMS = ".org-top-card-summary-info-list__info-item"
COMPANY_TOPCARD_COUNTS = re.compile(
    r"\d.*\b(followers?|employees?|seguidores|funcionários|empleados|abonnés|employés|"
    r"follower|beschäftigte|mitarbeiter|obserwujących|pracowników)\b", re.I)
# Public pages wrap each About fact in <div data-test-id="about-us__…"><dt/><dd/></div>
# (pages/company-public-jsonld).
COMPANY_TEST_IDS = {
    "about-us__website": "website", "about-us__industry": "industry",
    "about-us__industries": "industry", "about-us__size": "company_size",
    "about-us__headquarters": "headquarters", "about-us__foundedOn": "founded",
    "about-us__specialties": "specialties",
}
# What lxml keeps for BeautifulSoup: definition lists (2018–2025, company-about-2018) and
# public about-us boxes; plus the h1's card and each label's surroundings (company.py).
COMPANY_ROOT = "//main"        # every generation with a <main> keeps the company in it
COMPANY_NAME_HEADING = ".//h1"  # the top card is the first h1's <section> (or its surroundings)
COMPANY_FACT_BOXES = ".//dl | .//*[starts-with(@data-test-id, 'about-us__')]"
COMPANY_SHORT_TEXTS = ".//text()[string-length(normalize-space()) < 60]"
# About-tab labels: <dt> in 2018 (company-about-2018) and 2019–2025 (pages/company-2024-about-pt,
# Portuguese), heading-like elements in 2026 (pages/company-2026-hashed-labels); compared
# case-folded, in the supported interface languages.
COMPANY_LABELS: dict[str, tuple[str, ...]] = {
    "website": ("website", "site", "site da empresa", "sitio web", "site web", "webseite",
                "witryna", "strona www", "strona internetowa"),
    "industry": ("industry", "industries", "setor", "sector", "secteur", "industria",
                 "branche", "branża"),
    "company_size": ("company size", "tamanho da empresa", "tamaño de la empresa",
                     "taille de l’entreprise", "taille de l'entreprise", "unternehmensgröße",
                     "wielkość firmy"),
    "headquarters": ("headquarters", "sede", "siège social", "hauptsitz", "siedziba główna",
                     "siedziba"),
    "founded": ("founded", "fundada em", "fundação", "fundación", "fundada en", "fondée en",
                "date de création", "gegründet", "gründungsjahr", "data założenia",
                "rok założenia"),
    "specialties": ("specialties", "especializações", "especialidades", "domaines",
                    "spécialisations", "spezialgebiete", "specjalizacje"),
}
# A label word inside these is a control or a link, not the label of a fact.
COMPANY_NOT_LABEL_PARENTS = frozenset({"a", "button", "label", "option", "select", "title",
                                       "script", "style", "nav", "footer"})
# "A, B, and C" / "A, B e C": the conjunction LinkedIn puts before the last specialty.
COMPANY_LIST_CONJUNCTION = re.compile(r"^(?:and|e|y|et|und|i|oraz)\s+", re.I)
COMPANY_LAST_CONJUNCTION = re.compile(r"\s+(?:e|y|et|und|i|oraz)\s+(?!.*\s(?:e|y|et|und|i|oraz)\s)",
                                      re.I)
# Page titles: "Facebook: About | LinkedIn", "Facebook | LinkedIn", "Acme: Overview | LinkedIn".
COMPANY_TITLE_NAME = re.compile(
    r"^(?:\(\d+\+?\)\s*)?(.+?)(?::\s*[^:|]+)?\s*\|\s*LinkedIn\s*$", re.I)

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
    (re.compile(r"^/(?:mwlite/|m/)?in/[^/]+/details/[^/]+"),       # details-skills-2025
     "profile-details"),
    # The profile itself, or with an overlay or edit form open over it (every profile fixture);
    # the member's activity feed is not their profile.
    (re.compile(r"^/(?:mwlite/|m/)?in/[^/]++(?:/(?!(?:detail/)?recent-activity).*)?$"),
     "profile"),
    (re.compile(r"^/pub/[^/]+(?:/[^/]+){0,3}/?$"), "profile"),    # public 2016 /pub/name/x/y/z
    (re.compile(r"^/profile/view$"), "profile"),                  # 2016 logged-in ?id=…
    (re.compile(r"^/search/results/(?:people|all)(?:/|$)"), "search-results"),  # 2019–2026
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

# Titles of sign-in walls ("LinkedIn Login, Sign in | LinkedIn", "Sign Up | LinkedIn",
# "Security Verification | LinkedIn", "Entrar | LinkedIn", pages/login-wall): the part before
# the first "|" must consist of these words only, so a member called "Connexion Smith" is safe.
CLASSIFY_LOGIN_WORDS = frozenset((
    "sign in up log login signin signup join security verification welcome back "
    "entrar cadastrar cadastre iniciar sesión sessão regístrate registrate registrarse "
    "connexion s’identifier s'identifier identifiez inscrivez inscription bienvenue "
    "anmelden einloggen registrieren willkommen zaloguj zarejestruj witamy").split())
CLASSIFY_LOGIN_FILLERS = frozenset((
    "linkedin or ou o oder lub et y e and to de do du na à a se się vous sie now "
    "again").split())
# Error pages: LinkedIn's own 404 ("Page Not Found | LinkedIn", pageKey d_flagship3_404) and
# what a proxy or a local server answers instead of the page (Python's "Error response");
# the title's first part, or the first heading of an untitled page, is one of these phrases
# (pages/refused/error-page-not-found.html, error-response.html). EN, PT, ES, FR, DE, PL.
CLASSIFY_ERROR_TITLE = re.compile(
    r"^(?:(?:http )?(?:error )?[45]\d\d(?:\s*[-:–]?\s*(?:(?:page )?not found|forbidden|"
    r"internal server error|bad gateway|service unavailable|error))?|page not found|not found|error response|"
    r"error|something went wrong|this page doesn[’']t exist|page unavailable|"
    r"página não encontrada|página no encontrada|page introuvable|seite nicht gefunden|"
    r"nie znaleziono strony|strona nie istnieje|erro|erreur|fehler|błąd)[.!]?$", re.I)
CLASSIFY_ERROR_PAGE_KEY = re.compile(r"_(?:404|error)(?:_|$)")
CLASSIFY_FIRST_HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
# Titles of other LinkedIn areas: "Feed | LinkedIn", "(3) Messaging | LinkedIn"… (feed-2024).
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
# People search pages are titled "<query> | Search | LinkedIn" or "Search | LinkedIn".
CLASSIFY_SEARCH_TITLE = re.compile(
    r"(?:^|\|)\s*(?:\(\d+\+?\)\s*)?(?:search|pesquisa|pesquisar|búsqueda|buscar|recherche|suche|"
    r"wyszukiwanie)\s*\|"
    r"\s*linkedin\s*$", re.I)
# Company tabs are titled "<company>: <tab> | LinkedIn" (pages/company-2026-hashed-labels).
CLASSIFY_COMPANY_TITLE = re.compile(
    r"^[^|]+:\s*(?:about|overview|home|jobs|people|posts|life|insights|events|products|"
    r"sobre|visão geral|início|vagas|pessoas|publicações|acerca de|información general|inicio|"
    r"empleos|personas|publicaciones|à propos|présentation|accueil|emplois|personnes|"
    r"übersicht|startseite|personen|beiträge|informacje|przegląd|strona główna|"
    r"oferty pracy|osoby|posty)\s*\|\s*linkedin\s*$", re.I)
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
    # Logged-in 2017–2021 cards and entries, for pages saved without their top card (an
    # unseen real 2020 Experience section saved alone; pages/profile-2020-section-only.html).
    "pv-profile-section", "pv-entity__",
    "profile-topcard",                   # public 2016 ("#topcard.profile-topcard")
)
CLASSIFY_DETAILS_MARKERS = ("pvs-list", "pvs-header")  # 2022–2025 lists (details-skills-2025)
CLASSIFY_COMPANY_MARKERS = (
    "org-top-card",                      # logged-in 2018–2025 (company-about-2018)
    "org-page-details",                  # About tab definition list (company-about-2018)
    "organization-outlet",               # 2018 Ember outlet (company-about-2018)
    'data-test-id="about-us__',          # public company pages 2020–2025
    ">Company size<",                    # About label, any generation (company-2026-hashed-labels)
    ">Tamanho da empresa<", ">Tamaño de la empresa<", ">Taille de l’entreprise<",
    ">Unternehmensgröße<", ">Wielkość firmy<",
)
CLASSIFY_SEARCH_MARKERS = (
    "reusable-search__result-container",  # 2021–2024 (search-2022-fragment)
    "entity-result__",                    # 2021–2025 (search-2022-fragment)
    "search-result__occluded-item",       # 2019–2020 people search
    "search-result__wrapper",             # 2019–2020 people search
    # 2019–2020 card body alone: what scrapers keep when they copy only the result cards
    # (unseen real 2019 search fragments; pages/search-2019-info-cards-only.html).
    "search-result__info",
)
# Login forms with no profile, company or search markup: a sign-in wall saved by mistake
# (pages/login-wall, pages/authwall-untitled).
CLASSIFY_LOGIN_MARKERS = ('name="session_password"', "authwall", 'id="join-form"',
                          "login__form", 'name="session_key"')
# Hashed-class pages without URL or title (2026): degree badges next to links to several
# members mean a result list ("• 2nd", "· 3rd+" as in profile-2026-first-degree's side cards).
CLASSIFY_DEGREE_BADGE = re.compile(r"[•·]\s*(?:1st|2nd|3rd\+?)(?=\s|<|$)")
CLASSIFY_PROFILE_HREF = re.compile(
    r"href=[\"']?(?:https?://[\w.]*linkedin\.com)?/in/([^/\"'?#\s>]+)")
# Anything that says "this came from LinkedIn", for the not-LinkedIn message. Links *to*
# LinkedIn prove nothing (pages/not-linkedin has one); its CDN and design system do.
CLASSIFY_LINKEDIN_MARKERS = (
    "licdn.com", "artdeco", "ember-view",
    # 2026 SDUI captures whose every attribute but href was stripped (a side-panel extension's
    # saves; unseen real search cards and profile top cards): no CDN or class is left, but
    # the links are ones only LinkedIn's own app writes — its page-tracking parameter, its
    # outbound-link wrapper, canned "mutual connections" searches, invite and compose links.
    # A third-party page linking to a profile (pages/not-linkedin) has none of them.
    "lipi=urn%3Ali%3Apage%3A", "/safety/go/?url=", "_CANNED_SEARCH&",
    "/preload/custom-invite/", "/preload/search-custom-invite/", "urn%3Ali%3Afsd_profile%3A",
)
# 2026 top card: the member's name heading (h1/h2) is wrapped in a link to their own /in/
# page (profile-2026-first-degree; the stripped captures above). With fewer than three degree
# badges on the page it is one member's profile, not a result list.
CLASSIFY_NAME_HEADING_LINK = re.compile(
    r"<a\b[^>]*href=[\"'][^\"']*/in/[^\"']+[\"'][^>]*>\s*(?:<(?:div|span)\b[^>]*>\s*)*<h[12]\b")
