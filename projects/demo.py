"""Demo content for the network: the coordination project from the seed front page,
the four themes and nine example projects. Idempotent: keyed by slug and email."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import NETWORK_COORDINATOR_GROUP, OPH_GROUP

from .models import ContactPerson, Membership, Organisation, Project, Theme

DEMO_PASSWORD = "valita-demo"  # noqa: S105 - demo accounts only, listed in the README

# The Swedish address of each demo project, from its Swedish name (DESIGN.md: slugs are
# translated too).
SLUGS_SV = {
    "aani": "rosten",
    "yhdessa": "tillsammans",
    "arki": "vardagen",
    "johtaja": "ledare",
    "turvallinen": "trygg",
    "polku": "vagen",
    "mukana": "alla-med",
    "voimaa": "kraft",
    "kestava": "hallbar",
}

COORDINATION = {
    "slug_fi": "valita-visa-omtanke",
    "slug_sv": "visa-omtanke",
    "name_fi": "Välitä! – Visa omtanke!",
    "name_sv": "Välitä! – Visa omtanke!",
    "short_name_fi": "Välitä!",
    "short_name_sv": "Visa omtanke!",
    "summary_fi": (
        "Välitä! on valtakunnallinen koordinaatiohanke ja vertaiskehittämisen yhteisö, joka "
        "kokoaa yhdeksän alueellista ja valtakunnallista sosiaalisesti kestävää ammatillista "
        "koulutusta kehittävää hanketta yhteen."
    ),
    "summary_sv": (
        "Visa omtanke! är ett nationellt koordineringsprojekt och ett nätverk för kollegial "
        "delning. Nätverket består av nio regionala och nationella projekt inom programmet "
        "socialt hållbar yrkesutbildning."
    ),
    "description_fi": (
        "<p>Välitä! on valtakunnallinen koordinaatiohanke ja vertaiskehittämisen yhteisö, joka "
        "kokoaa yhdeksän alueellista ja valtakunnallista sosiaalisesti kestävää ammatillista "
        "koulutusta kehittävää hanketta yhteen. Yhteistyö tapahtuu etä- ja lähitapaamisten ja "
        "digitaalisten alustojen kautta vertaiskehittämisen menetelmiä hyödyntäen.</p>"
        "<p>Koordinaatiohanketta ja verkostohankkeita rahoittaa OPH. Sosiaalisesti kestävä "
        "ammatillinen koulutus rahoitusohjelman ja verkoston tavoitteena on edistää "
        "ammatillisten oppilaitosten sosiaalisesti vastuullista toimintaa lisäämällä puhetta ja "
        "tietoisuutta sosiaalisesta vastuullisuudesta.</p>"
    ),
    "description_sv": (
        "<p>Visa omtanke! är ett nationellt koordineringsprojekt och ett nätverk för kollegial "
        "delning. Nätverket består av nio regionala och nationella projekt inom programmet "
        "socialt hållbar yrkesutbildning. Samarbetet sker via distans- och närträffar samt via "
        "digitala plattformer och nyttjar metoder för kollegial utveckling.</p>"
        "<p>UBS finansierar koordinerings- och nätverksprojekten. Programmet för socialt hållbar "
        "yrkesutbildning har som mål att främja läroanstalternas sociala ansvar genom att öka "
        "diskussionen och kunskapen om socialt ansvar.</p>"
    ),
    "goals_fi": (
        "luoda vertaiskehittämistä edistävä vertaisverkosto ja tukirakenne\n"
        "toimia välittäjänä OPH:n suuntaan ja luoda yhteistyöfoorumeita OPH:n ja "
        "verkostohankkeiden kohtaannuttamiseen\n"
        "tiedottaa ja levittää verkostohankkeiden hyviä käytäntöjä ja tukea verkostohankkeiden "
        "levittämis-, juurruttamis- ja vaikuttamistyötä\n"
        "lisätä tulosten näkyvyyttä ja vaikuttavuutta."
    ),
    "goals_sv": (
        "Skapa ett nätverk och stöd som främjar kollegial utveckling\n"
        "Fungerar som en kanal till UBS och skapar forum för samarbete mellan UBS och "
        "nätverksprojekten\n"
        "Informera om och sprida goda modeller samt stöda nätverkprojekten i detta\n"
        "Öka resultatens synlighet och effekter"
    ),
    "funder_fi": "Koordinaatiohanketta ja verkostohankkeita rahoittaa OPH.",
    "funder_sv": "UBS finansierar koordinerings- och nätverksprojekten.",
    "hashtags": "#Välitä #VisaOmtanke",
    "scope": Project.Scope.NATIONAL,
    "kind": Project.Kind.COORDINATION,
    "website": "https://www.winnova.fi/valita/",
    "starts_on": date(2024, 1, 1),
    "ends_on": date(2026, 12, 31),
}

# Project periods. Three projects began in an earlier funding round and have ended, so the
# practice library's "still in use one / two years after the project" figures have data.
DEFAULT_PERIOD = (date(2024, 1, 1), date(2026, 12, 31))
PERIODS = {
    "aani": (date(2023, 1, 1), date(2024, 6, 30)),
    "johtaja": (date(2023, 8, 1), date(2025, 5, 31)),
    "polku": (date(2024, 1, 1), date(2025, 6, 30)),
}

THEMES = [
    (
        1,
        "osallistaminen-ja-vaikuttaminen",
        "Osallistaminen ja vaikuttaminen",
        "deltagande-och-paverkan",
        "Deltagande och påverkan",
        "Opiskelijat ja henkilöstö pääsevät mukaan päättämään oppilaitoksen arjesta: "
        "opiskelijakunnat, kehittäjäopiskelijat ja yhteiset foorumit.",
        "Studerande och personal får vara med och besluta om läroanstaltens vardag: "
        "studerandekårer, utvecklarstuderande och gemensamma forum.",
    ),
    (
        2,
        "tasa-arvo-ja-yhdenvertaisuus",
        "Tasa-arvo ja yhdenvertaisuus",
        "likabehandling-och-jamlikhet",
        "Likabehandling och jämlikhet",
        "Jokaisella on yhtäläiset mahdollisuudet oppia ja tulla kohdatuksi: "
        "tasa-arvo- ja yhdenvertaisuussuunnitelmat, häirinnän ehkäisy ja saavutettavuus.",
        "Alla har samma möjligheter att lära sig och bli bemötta: planer för jämställdhet "
        "och likabehandling, förebyggande av trakasserier och tillgänglighet.",
    ),
    (
        3,
        "arjenhallinta",
        "Arjenhallinta",
        "hantera-vardagen",
        "Hantera vardagen",
        "Opiskelijan arjen taidot – raha-asiat, asuminen, uni ja jaksaminen – "
        "tukevat opintojen etenemistä ja ehkäisevät keskeyttämistä.",
        "Studerandes vardagsfärdigheter – ekonomi, boende, sömn och ork – "
        "stöder studierna och förebygger avbrott.",
    ),
    (
        4,
        "hyvinvointijohtaminen",
        "Hyvinvointijohtaminen",
        "ledning-av-valbefinnandet",
        "Ledning av välbefinnandet",
        "Johto tekee hyvinvoinnista osan strategiaa, vuosikelloa ja arjen johtamista "
        "sekä henkilöstön että opiskelijoiden hyväksi.",
        "Ledningen gör välbefinnandet till en del av strategin, årsklockan och den dagliga "
        "ledningen till förmån för både personal och studerande.",
    ),
]

# Nine example projects: the seeds do not name the real ones.
EXAMPLE_NOTE_FI = " (Esimerkkihanke: demosisältöä, ei todellinen verkostohanke.)"
EXAMPLE_NOTE_SV = " (Exempelprojekt: demoinnehåll, inte ett verkligt nätverksprojekt.)"
PROJECTS = [
    (
        "aani",
        "Ääni kuuluviin",
        "Rösten hörs",
        "Ääni",
        "regional",
        "Pirkanmaa",
        [1],
        "Opiskelijoiden osallisuusmalli, jossa kehittäjäopiskelijat tuovat opiskelijoiden äänen "
        "oppilaitoksen päätöksentekoon.",
        "En modell för studerandes delaktighet där utvecklarstuderande för fram studerandes röst "
        "i läroanstaltens beslutsfattande.",
        "Tampereen seudun ammattiopisto",
        "Tampere",
    ),
    (
        "yhdessa",
        "Yhdessä yhdenvertaisesti",
        "Tillsammans och jämlikt",
        "Yhdessä",
        "national",
        "",
        [2],
        "Valtakunnallinen hanke, joka tukee oppilaitoksia tasa-arvo- ja "
        "yhdenvertaisuussuunnitelmien laatimisessa ja toteuttamisessa.",
        "Ett nationellt projekt som stöder läroanstalter att utarbeta och genomföra planer för "
        "jämställdhet och likabehandling.",
        "Ammattiopisto Luovi",
        "Oulu",
    ),
    (
        "arki",
        "Arki haltuun",
        "Vardagen i hand",
        "Arki",
        "regional",
        "Varsinais-Suomi",
        [3],
        "Arjenhallinnan valmennus ensimmäisen vuoden opiskelijoille: raha, asuminen, uni ja "
        "ajanhallinta osana opintoja.",
        "Träning i vardagsfärdigheter för förstaårsstuderande: ekonomi, boende, sömn och "
        "tidshantering som en del av studierna.",
        "Turun ammatti-instituutti",
        "Turku",
    ),
    (
        "johtaja",
        "Hyvinvoiva johtaja",
        "Välmående ledare",
        "Johtaja",
        "national",
        "",
        [4],
        "Johdon vertaisryhmät, joissa kehitetään hyvinvointijohtamisen käytäntöjä ja mittareita.",
        "Kamratgrupper för ledningen där man utvecklar praxis och mätare för ledning av "
        "välbefinnandet.",
        "Keuda",
        "Kerava",
    ),
    (
        "turvallinen",
        "Turvallinen oppilaitos",
        "Trygg läroanstalt",
        "Turvallinen",
        "regional",
        "Uusimaa",
        [2, 4],
        "Kiusaamisen ja häirinnän ehkäisy sekä turvallisuuden tunteen vahvistaminen "
        "oppilaitosyhteisössä.",
        "Förebyggande av mobbning och trakasserier och en starkare känsla av trygghet i "
        "läroanstaltsgemenskapen.",
        "Stadin ammatti- ja aikuisopisto",
        "Helsinki",
    ),
    (
        "polku",
        "Polku eteenpäin",
        "Vägen vidare",
        "Polku",
        "regional",
        "Pohjois-Savo",
        [3],
        "Opintojen keskeyttämisen ehkäisy ohjauksen, opiskeluhuollon ja työelämän yhteistyöllä.",
        "Förebyggande av studieavbrott genom samarbete mellan handledning, studerandevård och "
        "arbetsliv.",
        "Savon ammattiopisto",
        "Kuopio",
    ),
    (
        "mukana",
        "Mukana kaikki",
        "Alla med",
        "Mukana",
        "regional",
        "Pohjanmaa",
        [1, 2],
        "Kaksikielinen hanke, jossa suomen- ja ruotsinkieliset opiskelijat suunnittelevat "
        "yhteisiä osallistumisen tapoja.",
        "Ett tvåspråkigt projekt där finsk- och svenskspråkiga studerande planerar gemensamma "
        "sätt att delta.",
        "Yrkesakademin i Österbotten",
        "Vaasa",
    ),
    (
        "voimaa",
        "Voimaa vertaisista",
        "Kraft från kamrater",
        "Voimaa",
        "regional",
        "Keski-Suomi",
        [3, 4],
        "Vertaisohjaajat tukevat opiskelijoiden jaksamista ja yhteisöllisyyttä.",
        "Kamrathandledare stöder studerandes ork och gemenskap.",
        "Jyväskylän koulutuskuntayhtymä Gradia",
        "Jyväskylä",
    ),
    (
        "kestava",
        "Kestävä arki työpaikalla",
        "Hållbar vardag på arbetsplatsen",
        "Kestävä",
        "national",
        "",
        [1, 4],
        "Työpaikalla tapahtuvan oppimisen hyvinvointi: työpaikkaohjaajien valmennus ja "
        "palautekäytännöt.",
        "Välbefinnande i lärande på arbetsplatsen: träning för handledare och rutiner för respons.",
        "Careeria",
        "Porvoo",
    ),
]


def load_themes() -> dict[int, Theme]:
    themes = {}
    for number, slug_fi, name_fi, slug_sv, name_sv, desc_fi, desc_sv in THEMES:
        theme, _created = Theme.objects.update_or_create(
            number=number,
            defaults={
                "slug_fi": slug_fi,
                "slug_sv": slug_sv,
                "name_fi": name_fi,
                "name_sv": name_sv,
                "description_fi": f"<p>{desc_fi}</p>",
                "description_sv": f"<p>{desc_sv}</p>",
            },
        )
        themes[number] = theme
    return themes


def load_projects(themes: dict[int, Theme]) -> list[Project]:
    winnova, _ = Organisation.objects.update_or_create(
        name_fi="WinNova", defaults={"name_sv": "WinNova", "municipality": "Pori"}
    )
    coordination, _ = Project.objects.update_or_create(
        slug_fi=COORDINATION["slug_fi"],
        defaults={**COORDINATION, "lead_organisation": winnova},
    )
    coordination.themes.set(themes.values())
    projects = []
    for row in PROJECTS:
        (
            slug,
            name_fi,
            name_sv,
            short,
            scope,
            region,
            theme_numbers,
            summary_fi,
            summary_sv,
            lead_name,
            town,
        ) = row
        lead, _ = Organisation.objects.update_or_create(
            name_fi=lead_name, defaults={"municipality": town}
        )
        project, _ = Project.objects.update_or_create(
            slug_fi=slug,
            defaults={
                "slug_sv": SLUGS_SV[slug],
                "name_fi": name_fi,
                "name_sv": name_sv,
                "short_name_fi": short,
                "short_name_sv": short,
                "summary_fi": summary_fi + EXAMPLE_NOTE_FI,
                "summary_sv": summary_sv + EXAMPLE_NOTE_SV,
                "description_fi": f"<p>{summary_fi}</p><p>{EXAMPLE_NOTE_FI.strip(' ()')}</p>",
                "description_sv": f"<p>{summary_sv}</p><p>{EXAMPLE_NOTE_SV.strip(' ()')}</p>",
                "scope": scope,
                "region_fi": region,
                "region_sv": region,
                "kind": Project.Kind.NETWORK,
                "lead_organisation": lead,
                "starts_on": PERIODS.get(slug, DEFAULT_PERIOD)[0],
                "ends_on": PERIODS.get(slug, DEFAULT_PERIOD)[1],
                "website": f"https://example.org/{slug}/",
            },
        )
        project.themes.set([themes[n] for n in theme_numbers])
        partner, _ = Organisation.objects.update_or_create(
            name_fi=f"Kansalaisopisto, {town}", defaults={"municipality": town}
        )
        project.partner_organisations.set([partner])
        ContactPerson.objects.update_or_create(
            project=project,
            order=0,
            defaults={
                "name": f"Projektipäällikkö {short}",
                "title_fi": "projektipäällikkö",
                "title_sv": "projektchef",
                "email": f"{slug}@example.org",
            },
        )
        projects.append(project)
    return projects


def load_accounts(first_project: Project) -> None:
    User = get_user_model()  # noqa: N806
    network_group, _ = Group.objects.get_or_create(name=NETWORK_COORDINATOR_GROUP)
    oph_group, _ = Group.objects.get_or_create(name=OPH_GROUP)
    people = [
        ("admin@example.org", "Ylläpitäjä", {"is_superuser": True, "is_staff": True}, None),
        ("verkosto@example.org", "Verkostokoordinaattori", {"is_staff": True}, network_group),
        ("koordinaattori@example.org", "Hankekoordinaattori", {"is_staff": True}, None),
        ("oph@example.org", "OPH", {}, oph_group),
    ]
    from allauth.account.models import EmailAddress

    for email, first_name, flags, group in people:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, **flags}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if group:
            user.groups.add(group)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    coordinator = User.objects.get(email="koordinaattori@example.org")
    Membership.objects.get_or_create(user=coordinator, project=first_project)


def load() -> list[Project]:
    themes = load_themes()
    projects = load_projects(themes)
    load_accounts(projects[0])
    return projects
