"""Demo events: the network's remote and in-person meetings ("etä- ja lähitapaamiset"),
past and upcoming, across the projects. Idempotent: keyed by the Finnish slug; the dates
are set again relative to the day of loading, so upcoming events stay upcoming."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from projects.models import Project, Theme

from .models import HELSINKI, Event, EventMaterial, Registration

# slug, FI title, SV title, days from today, start hour, hours, format, project slugs,
# theme numbers, registration (in-person places, remote places) or None, FI text, SV text
EVENTS = [
    (
        "verkostotapaaminen-kevat",
        "Verkoston lähitapaaminen",
        "Nätverkets närträff",
        21,
        9,
        7,
        "hybrid",
        ["valita-visa-omtanke"],
        [1, 2, 3, 4],
        (2, 40),
        "Kaikkien yhdeksän verkostohankkeen yhteinen päivä: hankkeiden kuulumiset, "
        "vertaiskehittämisen työpajat ja OPH:n ajankohtaiset.",
        "En gemensam dag för alla nio nätverksprojekt: nytt från projekten, workshoppar i "
        "kollegial utveckling och aktuellt från UBS.",
    ),
    (
        "etatapaaminen-osallisuus",
        "Etätapaaminen: osallistaminen ja vaikuttaminen",
        "Distansträff: delaktighet och påverkan",
        7,
        13,
        2,
        "remote",
        ["aani", "mukana"],
        [1],
        (None, 60),
        "Miten opiskelijat saadaan mukaan päätöksentekoon? Hankkeet esittelevät kokeilujaan.",
        "Hur får vi de studerande med i beslutsfattandet? Projekten presenterar sina försök.",
    ),
    (
        "yhdenvertaisuussuunnitelma-tyopaja",
        "Työpaja: yhdenvertaisuussuunnitelma arkeen",
        "Workshop: likabehandlingsplanen i vardagen",
        35,
        12,
        3,
        "in_person",
        ["yhdessa"],
        [2],
        (25, None),
        "Käydään läpi, miten tasa-arvo- ja yhdenvertaisuussuunnitelma muutetaan teoiksi "
        "opetuksessa ja ohjauksessa.",
        "Vi går igenom hur jämställdhets- och likabehandlingsplanen blir handling i "
        "undervisning och handledning.",
    ),
    (
        "arjenhallinta-webinaari",
        "Webinaari: arjenhallinnan tuki opinnoissa",
        "Webbinarium: stöd för vardagen under studierna",
        14,
        14,
        1,
        "remote",
        ["arki", "polku"],
        [3],
        (None, None),
        "Arjenhallinnan taidot ja opintojen keskeyttämisen ehkäisy: kokemuksia kahdesta "
        "hankkeesta.",
        "Färdigheter att hantera vardagen och förebyggande av studieavbrott: erfarenheter från "
        "två projekt.",
    ),
    (
        "hyvinvointijohtaminen-foorumi",
        "Hyvinvointijohtamisen foorumi",
        "Forum för ledning av välbefinnande",
        49,
        10,
        5,
        "hybrid",
        ["johtaja", "kestava"],
        [4],
        (30, 100),
        "Oppilaitosjohdolle ja työpaikkaohjaajille: miten hyvinvointia johdetaan "
        "arjen käytännöissä.",
        "För ledningen och arbetsplatshandledare: hur välbefinnandet leds i vardagens rutiner.",
    ),
    (
        "vertaisohjaajien-koulutus",
        "Vertaisohjaajien koulutuspäivä",
        "Utbildningsdag för kamrathandledare",
        28,
        9,
        6,
        "in_person",
        ["voimaa"],
        [3, 4],
        (1, None),
        "Koulutuspäivä opiskelijoille, jotka toimivat vertaisohjaajina omassa oppilaitoksessaan.",
        "Utbildningsdag för studerande som är kamrathandledare på sin egen läroanstalt.",
    ),
    (
        "ohjaamo-kahvit",
        "Ohjaamon aamukahvit",
        "Morgonkaffe i Ohjaamo",
        3,
        8,
        1,
        "in_person",
        ["polku"],
        [3],
        None,
        "Epävirallinen aamukahvitilaisuus opinto-ohjaajille ja työelämäyhteistyön tekijöille.",
        "Informellt morgonkaffe för studiehandledare och de som samarbetar med arbetslivet.",
    ),
    (
        "verkostotapaaminen-syksy",
        "Verkoston syystapaaminen",
        "Nätverkets höstträff",
        -60,
        9,
        7,
        "in_person",
        ["valita-visa-omtanke"],
        [1, 2, 3, 4],
        (80, None),
        "Syksyn lähitapaamisessa käsiteltiin verkostokyselyn tuloksia ja sovittiin "
        "seurannan mittareista.",
        "Under höstens närträff behandlades resultaten av nätverksenkäten och man kom överens "
        "om uppföljningens mätare.",
    ),
    (
        "turvallinen-oppilaitos-webinaari",
        "Webinaari: turvallinen oppilaitos",
        "Webbinarium: en trygg läroanstalt",
        -30,
        14,
        2,
        "remote",
        ["turvallinen"],
        [2, 4],
        (None, 200),
        "Kiusaamisen ja häirinnän ehkäisyn keinot ammatillisessa koulutuksessa.",
        "Sätt att förebygga mobbning och trakasserier i yrkesutbildningen.",
    ),
    (
        "kaksikielinen-osallisuus",
        "Kaksikielinen osallisuuspaja",
        "Tvåspråkig delaktighetsverkstad",
        -14,
        12,
        3,
        "in_person",
        ["mukana"],
        [1, 2],
        (20, None),
        "Suomen- ja ruotsinkieliset opiskelijat suunnittelivat yhdessä oppilaitoksen "
        "yhteisiä tapahtumia.",
        "Finsk- och svenskspråkiga studerande planerade tillsammans läroanstaltens gemensamma "
        "evenemang.",
    ),
    (
        "tyopaikkaohjaajien-valmennus",
        "Työpaikkaohjaajien valmennus",
        "Träning för arbetsplatshandledare",
        -90,
        13,
        3,
        "hybrid",
        ["kestava"],
        [4],
        (15, 50),
        "Palautekäytännöt ja hyvinvointi työpaikalla tapahtuvassa oppimisessa.",
        "Rutiner för respons och välbefinnande i lärande på arbetsplatsen.",
    ),
    (
        "oph-ajankohtaiset",
        "OPH:n ajankohtaiset verkostolle",
        "Aktuellt från UBS för nätverket",
        63,
        10,
        2,
        "remote",
        ["valita-visa-omtanke"],
        [1, 2, 3, 4],
        None,
        "Rahoittajan ajankohtaiskatsaus: raportointi, seuranta ja tulosten levittäminen.",
        "Finansiärens aktuella översikt: rapportering, uppföljning och spridning av resultat.",
    ),
]

PARTICIPANTS = [
    ("Aino Virtanen", "fi"),
    ("Eero Korhonen", "fi"),
    ("Sara Lindholm", "sv"),
    ("Mikko Nieminen", "fi"),
    ("Elin Björk", "sv"),
    ("Laura Mäkinen", "fi"),
]


def _start(days: int, hour: int):
    day = timezone.localdate(timezone=HELSINKI) + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=HELSINKI)


def load() -> list[Event]:
    projects = {p.slug_fi: p for p in Project.objects.all()}
    themes = {t.number: t for t in Theme.objects.all()}
    events = []
    for row in EVENTS:
        (
            slug,
            title_fi,
            title_sv,
            days,
            hour,
            hours,
            fmt,
            project_slugs,
            theme_numbers,
            places,
            text_fi,
            text_sv,
        ) = row
        starts_at = _start(days, hour)
        remote = fmt in ("remote", "hybrid")
        event, _ = Event.objects.update_or_create(
            slug_fi=slug,
            defaults={
                "slug_sv": slugify(title_sv),
                "title_fi": title_fi,
                "title_sv": title_sv,
                "description_fi": f"<p>{text_fi}</p>",
                "description_sv": f"<p>{text_sv}</p>",
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=hours),
                "format": fmt,
                "venue_fi": "" if fmt == "remote" else "Ammattiopisto, auditorio",
                "venue_sv": "" if fmt == "remote" else "Yrkesinstitutet, auditoriet",
                "address_fi": "" if fmt == "remote" else "Koulutie 1, 00100 Helsinki",
                "online_url": "https://meet.example.org/valita" if remote else "",
                "online_link_public": fmt == "remote" and places is None,
                "audience_fi": "Verkostohankkeiden henkilöstö ja opiskelijat",
                "audience_sv": "Nätverksprojektens personal och studerande",
                "languages": "fi,sv" if "mukana" in project_slugs else "fi",
                "status": Event.Status.PUBLISHED,
                "registration_enabled": places is not None,
                "capacity_in_person": places[0] if places else None,
                "capacity_remote": places[1] if places else None,
            },
        )
        event.projects.set([projects[s] for s in project_slugs if s in projects])
        event.themes.set([themes[n] for n in theme_numbers if n in themes])
        if days < 0:
            EventMaterial.objects.update_or_create(
                event=event,
                order=0,
                defaults={
                    "title_fi": "Tallenne",
                    "title_sv": "Inspelning",
                    "url": f"https://example.org/tallenteet/{slug}/",
                },
            )
        if places is not None:
            _registrations(event)
        events.append(event)
    return events


def _registrations(event: Event) -> None:
    """A few people per event; the small in-person event fills up and has a waiting list.

    In an upcoming full event the last confirmed person has cancelled, and their place
    is offered to the first one waiting, the offer expiring within a day (the workspace
    home lists it among the offers about to expire)."""
    mode = event.modes()[0]
    capacity = event.capacity_for(mode)
    now = timezone.now()
    offer_pending = capacity is not None and 0 < capacity < 4 and not event.is_past
    for index, (name, language) in enumerate(PARTICIPANTS[:4]):
        full = capacity is not None and index >= capacity
        status = Registration.Status.WAITING if full else Registration.Status.CONFIRMED
        extra = {"offer_expires_at": None, "cancelled_at": None}
        if offer_pending and index == capacity - 1:
            status = Registration.Status.CANCELLED
            extra["cancelled_at"] = now - timedelta(hours=4)
        elif offer_pending and index == capacity:
            status = Registration.Status.OFFERED
            extra["offer_expires_at"] = now + timedelta(hours=20)
        Registration.objects.update_or_create(
            event=event,
            email=f"{name.split()[0].lower()}@example.org",
            defaults={
                "name": name,
                "language": language,
                "consent": True,
                "mode": mode,
                "status": status,
                "attended": (index % 3 != 2) if event.is_past and not full else None,
                **extra,
            },
        )
