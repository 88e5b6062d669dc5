# ruff: noqa: E501 - demo texts
"""Demo posts: fifteen "Kuulumisia kentältä" posts across the projects, with covers drawn
by Pillow here (no downloads). Idempotent: keyed by the Finnish (or Swedish) slug.

The texts are examples built on the network's front page and its survey of 22.1.–12.2.2025
(seeds/); the projects are the demo's example projects.
"""

import io
import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from projects.models import Project, Theme

from .models import Post

PALETTES = [
    ((123, 31, 84), (246, 214, 226), (255, 196, 0)),
    ((18, 84, 120), (214, 235, 246), (255, 140, 66)),
    ((36, 99, 58), (222, 242, 226), (250, 220, 90)),
    ((90, 60, 140), (235, 226, 248), (120, 200, 190)),
]


def cover_image(seed: str, size=(1600, 900)) -> bytes:
    """An abstract illustration: a gradient with soft circles and bars (JPEG bytes)."""
    rng = random.Random(seed)
    dark, light, accent = rng.choice(PALETTES)
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):
        t = y / height
        colour = tuple(
            round(light[i] * (1 - t) + dark[i] * t * 0.35 + light[i] * t * 0.65) for i in range(3)
        )
        draw.line([(0, y), (width, y)], fill=colour)
    for _ in range(7):
        r = rng.randint(60, 260)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice([dark, accent]))
    for i in range(rng.randint(3, 6)):
        x = 120 + i * 110
        bar = rng.randint(120, 420)
        draw.rectangle([x, height - 80 - bar, x + 70, height - 80], fill=accent if i % 2 else dark)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# (project slug, theme numbers, days ago (negative: scheduled), status,
#  fi: (slug, title, lead, body, alt) or None, sv: (...) or None)
POSTS = [
    (
        "valita-visa-omtanke",
        [1, 2, 3, 4],
        40,
        "published",
        (
            "kysely-101-vastausta",
            "Verkostokysely: 101 vastausta kaikista hankkeista",
            "Kysely oli avoinna 22.1.–12.2.2025, ja vastauksia saatiin jokaisesta verkostohankkeesta.",
            _p(
                "Keräsimme verkostohankkeiden toimijoilta palautetta kehittämistyöstä, sen "
                "onnistumisista ja haasteista. Vastauksia tuli yhteensä 101.",
                "Edistäneinä tekijöinä mainittiin tiivis yhteistyö, säännölliset tapaamiset, selkeä "
                "koordinointi ja hyvien käytänteiden jakaminen. Haasteina nousivat esiin kiire ja "
                "aikataulujen yhteensovittaminen.",
            ),
            "Piirroskuva: pylväitä ja värikkäitä ympyröitä",
        ),
        (
            "enkat-101-svar",
            "Nätverksenkäten: 101 svar från alla projekt",
            "Enkäten var öppen 22.1–12.2.2025 och vi fick svar från varje nätverksprojekt.",
            _p(
                "Vi samlade respons från aktörerna i nätverksprojekten om utvecklingsarbetet, "
                "framgångarna och utmaningarna. Sammanlagt fick vi 101 svar.",
                "Som främjande faktorer nämndes nära samarbete, regelbundna träffar, tydlig "
                "koordinering och delning av goda modeller. Som utmaningar lyftes brådska och "
                "svårigheten att passa ihop tidtabeller.",
            ),
            "Illustration: staplar och färgglada cirklar",
        ),
    ),
    (
        "aani",
        [1],
        35,
        "published",
        (
            "kehittajaopiskelijat-aaneen",
            "Kehittäjäopiskelijat pääsivät ääneen",
            "Ääni kuuluviin -hankkeen kehittäjäopiskelijat toivat opiskelijoiden näkemykset "
            "johtoryhmän pöytään.",
            _p(
                "Kehittäjäopiskelijat kokoontuivat syksyn aikana neljä kertaa ja kokosivat "
                "opiskelijoiden toiveet yhteisistä tiloista ja työrauhasta.",
                "Johtoryhmä otti ehdotukset käsittelyyn, ja kaksi niistä toteutetaan jo kevään "
                "aikana. Osallisuus näkyy arjessa, kun opiskelijoiden ääni kuuluu päätöksissä.",
            ),
            "Piirroskuva: ympyröitä violetin sävyissä",
        ),
        (
            "utvecklarstuderande-fick-ordet",
            "Utvecklarstuderande fick ordet",
            "Utvecklarstuderande i projektet Rösten hörs förde fram studerandes synpunkter till "
            "ledningsgruppen.",
            _p(
                "Utvecklarstuderandena träffades fyra gånger under hösten och samlade studerandes "
                "önskemål om gemensamma utrymmen och studiero.",
                "Ledningsgruppen behandlade förslagen och två av dem genomförs redan under våren.",
            ),
            "Illustration: cirklar i lila nyanser",
        ),
    ),
    (
        "yhdessa",
        [2],
        30,
        "published",
        (
            "yhdenvertaisuussuunnitelma-arkeen",
            "Yhdenvertaisuussuunnitelma arjen työkaluksi",
            "Suunnitelma ei saa jäädä mappiin: näin se otettiin käyttöön kolmessa oppilaitoksessa.",
            _p(
                "Yhdessä yhdenvertaisesti -hankkeessa suunnitelmaa työstettiin opiskelijoiden ja "
                "henkilöstön yhteisissä työpajoissa.",
                "Tärkein oppi oli, että suunnitelman tavoitteet kirjataan vuosikelloon ja niiden "
                "toteutumista seurataan kyselyillä.",
            ),
            "Piirroskuva: sinisiä ja oransseja muotoja",
        ),
        (
            "likabehandlingsplanen-i-vardagen",
            "Likabehandlingsplanen som verktyg i vardagen",
            "Planen får inte bli liggande i en pärm: så togs den i bruk vid tre läroanstalter.",
            _p(
                "I projektet Tillsammans och jämlikt utarbetades planen i gemensamma verkstäder "
                "för studerande och personal.",
                "Den viktigaste lärdomen var att målen skrivs in i årsklockan och följs upp med "
                "enkäter.",
            ),
            "Illustration: blå och orange former",
        ),
    ),
    (
        "arki",
        [3],
        27,
        "published",
        (
            "raha-asiat-haltuun",
            "Raha-asiat haltuun ensimmäisenä opiskeluvuotena",
            "Arki haltuun -valmennuksessa opiskelijat tekivät oman budjetin ja harjoittelivat "
            "asiointia.",
            _p(
                "Moni ensimmäisen vuoden opiskelija asuu ensimmäistä kertaa omillaan. Valmennuksessa "
                "käytiin läpi vuokra, tuet ja laskut.",
                "Palautteen mukaan tärkeintä oli, että asioista sai kysyä ilman häpeää.",
            ),
            "Piirroskuva: vihreitä pylväitä ja keltaisia ympyröitä",
        ),
        (
            "pengarna-i-ordning",
            "Pengarna i ordning under det första studieåret",
            "I projektet Vardagen i hand gjorde de studerande en egen budget och övade på "
            "att sköta ärenden.",
            _p(
                "Många förstaårsstuderande bor för första gången på egen hand. I träningen gick "
                "vi igenom hyra, stöd och räkningar.",
                "Enligt responsen var det viktigaste att man fick fråga utan att skämmas.",
            ),
            "Illustration: gröna staplar och gula cirklar",
        ),
    ),
    (
        "johtaja",
        [4],
        24,
        "published",
        (
            "hyvinvointi-johtoryhman-asialistalle",
            "Hyvinvointi johtoryhmän asialistalle",
            "Hyvinvoiva johtaja -hankkeen vertaisryhmät etsivät mittareita hyvinvointijohtamiselle.",
            _p(
                "Johdon vertaisryhmissä jaettiin kokemuksia siitä, miten henkilöstön ja "
                "opiskelijoiden hyvinvointi näkyy strategiassa.",
                "Ryhmät kokosivat listan mittareista, joita voi seurata laatujärjestelmässä.",
            ),
            "Piirroskuva: turkoosia ja violettia",
        ),
        (
            "valbefinnande-pa-ledningens-agenda",
            "Välbefinnande på ledningens agenda",
            "Kamratgrupperna i projektet Välmående ledare sökte mätare för ledning av "
            "välbefinnandet.",
            _p(
                "I ledningens kamratgrupper delade man erfarenheter av hur personalens och "
                "studerandes välbefinnande syns i strategin.",
                "Grupperna sammanställde en lista över mätare som kan följas i kvalitetssystemet.",
            ),
            "Illustration: turkost och lila",
        ),
    ),
    (
        "turvallinen",
        [2, 4],
        21,
        "published",
        (
            "hairinnan-ehkaisy-alkaa-puheesta",
            "Häirinnän ehkäisy alkaa puheesta",
            "Turvallinen oppilaitos -hanke kokosi opiskelijoiden kokemukset turvallisuudesta.",
            _p(
                "Kyselyn ja keskustelujen perusteella opiskelijat toivovat, että häirinnästä "
                "puhutaan ääneen ja että ilmoittaminen on helppoa.",
                "Oppilaitokset sopivat yhteisestä tavasta käsitellä ilmoitukset.",
            ),
            "Piirroskuva: tummia ja vaaleita ympyröitä",
        ),
        (
            "att-forebygga-trakasserier",
            "Att förebygga trakasserier börjar med samtal",
            "Projektet Trygg läroanstalt samlade studerandes erfarenheter av trygghet.",
            _p(
                "Enligt enkäten och samtalen önskar studerande att man talar öppet om trakasserier "
                "och att det är lätt att anmäla.",
                "Läroanstalterna kom överens om ett gemensamt sätt att behandla anmälningar.",
            ),
            "Illustration: mörka och ljusa cirklar",
        ),
    ),
    (
        "polku",
        [3],
        18,
        "published",
        (
            "keskeyttamisen-ehkaisy-yhdessa",
            "Keskeyttämisen ehkäisy on yhteispeliä",
            "Polku eteenpäin -hankkeessa ohjaus, opiskeluhuolto ja työelämä istuivat saman pöydän "
            "ääreen.",
            _p(
                "Kun opiskelijan tilanne huolestuttaa, apu löytyy nopeammin, jos tiedetään, kuka "
                "tekee mitä.",
                "Hankkeessa laadittiin yhteinen malli, jota kokeillaan kahdessa oppilaitoksessa.",
            ),
            "Piirroskuva: sinisiä palkkeja",
        ),
        (
            "att-forebygga-studieavbrott",
            "Att förebygga studieavbrott är lagspel",
            "I projektet Vägen vidare satt handledning, studerandevård och arbetsliv vid samma bord.",
            _p(
                "När en studerandes situation oroar hittas hjälpen snabbare om man vet vem som gör "
                "vad.",
                "Projektet tog fram en gemensam modell som prövas vid två läroanstalter.",
            ),
            "Illustration: blå staplar",
        ),
    ),
    (
        "mukana",
        [1, 2],
        15,
        "published",
        None,
        (
            "tvasprakigt-deltagande",
            "Tvåspråkigt deltagande i Österbotten",
            "I projektet Alla med planerar finsk- och svenskspråkiga studerande gemensamma sätt "
            "att delta.",
            _p(
                "Studerande från båda språkgrupperna träffades på en gemensam verkstadsdag och "
                "lyfte fram vad som gör det lätt att delta.",
                "Nästa steg är en gemensam studerandedag som planeras av studerandena själva.",
            ),
            "Illustration: gula och gröna former",
        ),
    ),
    (
        "voimaa",
        [3, 4],
        12,
        "published",
        (
            "vertaisohjaajat-tukevat-jaksamista",
            "Vertaisohjaajat tukevat jaksamista",
            "Voimaa vertaisista -hankkeen vertaisohjaajat järjestivät syksyllä kymmenen "
            "yhteistä iltapäivää.",
            _p(
                "Vertaisohjaajat ovat toisen vuoden opiskelijoita, jotka on koulutettu tukemaan "
                "uusia opiskelijoita.",
                "Yhteisöllisyys vahvistui, ja moni uusi opiskelija löysi kaverin jo ensimmäisellä "
                "viikolla.",
            ),
            "Piirroskuva: lämpimiä värejä ja ympyröitä",
        ),
        (
            "kamrathandledare-stoder-orken",
            "Kamrathandledare stöder orken",
            "Kamrathandledarna i projektet Kraft från kamrater ordnade tio gemensamma "
            "eftermiddagar under hösten.",
            _p(
                "Kamrathandledarna är andra årets studerande som har utbildats att stöda nya "
                "studerande.",
                "Gemenskapen stärktes och många nya studerande hittade en kompis redan första "
                "veckan.",
            ),
            "Illustration: varma färger och cirklar",
        ),
    ),
    (
        "kestava",
        [1, 4],
        9,
        "published",
        (
            "tyopaikkaohjaajat-valmennuksessa",
            "Työpaikkaohjaajat valmennuksessa",
            "Kestävä arki työpaikalla -hanke valmensi työpaikkaohjaajia antamaan palautetta.",
            _p(
                "Työpaikalla tapahtuva oppiminen onnistuu, kun ohjaaja tietää, miten opiskelijaa "
                "tuetaan.",
                "Valmennukseen osallistui ohjaajia kahdestatoista yrityksestä.",
            ),
            "Piirroskuva: vihreitä ja keltaisia muotoja",
        ),
        (
            "handledare-pa-arbetsplatsen-tranade",
            "Handledare på arbetsplatsen tränade respons",
            "Projektet Hållbar vardag på arbetsplatsen tränade handledare i att ge respons.",
            _p(
                "Lärande på arbetsplatsen lyckas när handledaren vet hur den studerande stöds.",
                "Handledare från tolv företag deltog i träningen.",
            ),
            "Illustration: gröna och gula former",
        ),
    ),
    (
        "valita-visa-omtanke",
        [1, 2, 3, 4],
        6,
        "published",
        (
            "vertaiskehittaminen-tuo-lisaarvoa",
            "Vertaiskehittäminen tuo lisäarvoa",
            "Kyselyn mukaan vertaisarviointi ja Round Table -arviointi ovat ohjanneet "
            "kehittämistyötä oikeaan suuntaan.",
            _p(
                "Kun näkee toisten tavan toimia ja pääsee sanoittamaan omaa toimintaa muille, "
                "pystyy peilaamaan omia tapojaan tehdä työtä.",
                "Koordinaatiohanke jatkaa avainkohtaamisia ja pienryhmätyöskentelyä myös ensi "
                "vuonna.",
            ),
            "Piirroskuva: monivärisiä ympyröitä",
        ),
        (
            "kollegial-utveckling-ger-mervarde",
            "Kollegial utveckling ger mervärde",
            "Enligt enkäten har kollegial bedömning och Round Table-bedömning styrt "
            "utvecklingsarbetet i rätt riktning.",
            _p(
                "När man ser hur andra arbetar och får sätta ord på sitt eget arbete kan man "
                "spegla sina egna arbetssätt.",
                "Koordineringsprojektet fortsätter med nyckelmöten och arbete i smågrupper även "
                "nästa år.",
            ),
            "Illustration: mångfärgade cirklar",
        ),
    ),
    (
        "aani",
        [1],
        4,
        "published",
        (
            "opiskelijakunta-vuosikelloon",
            "Opiskelijakunta mukaan vuosikelloon",
            "Opiskelijakunnan tapaamiset merkittiin oppilaitoksen vuosikelloon.",
            _p(
                "Kun tapaamiset ovat vuosikellossa, ne eivät jää kiireen jalkoihin.",
                "Seuraava tapaaminen käsittelee kevään tapahtumia.",
            ),
            "Piirroskuva: violetteja palkkeja",
        ),
        (
            "studerandekaren-in-i-arsklockan",
            "Studerandekåren med i årsklockan",
            "Studerandekårens möten skrevs in i läroanstaltens årsklocka.",
            _p(
                "När mötena finns i årsklockan blir de inte bortglömda när det är bråttom.",
                "Nästa möte behandlar vårens evenemang.",
            ),
            "Illustration: violetta staplar",
        ),
    ),
    (
        "yhdessa",
        [2],
        2,
        "published",
        None,
        (
            "tillganglighet-i-undervisningen",
            "Tillgänglighet i undervisningen",
            "Tillsammans och jämlikt samlade tips för tillgängligt lärande.",
            _p(
                "Tydliga instruktioner, textning av videor och lugna utrymmen hjälper många.",
                "Tipsen publiceras som en checklista för lärare.",
            ),
            "Illustration: blå cirklar",
        ),
    ),
    (
        "polku",
        [3],
        -5,
        "published",
        (
            "kevaan-tyoelamapaiva",
            "Kevään työelämäpäivä lähestyy",
            "Polku eteenpäin kutsuu työelämän edustajat oppilaitokseen.",
            _p(
                "Työelämäpäivänä opiskelijat tapaavat tulevia työnantajiaan.",
                "Kirjoitus julkaistaan ajastettuna ennen päivää.",
            ),
            "Piirroskuva: oransseja ympyröitä",
        ),
        (
            "varens-arbetslivsdag",
            "Vårens arbetslivsdag närmar sig",
            "Vägen vidare bjuder in arbetslivet till läroanstalten.",
            _p("Under arbetslivsdagen träffar studerande sina blivande arbetsgivare."),
            "Illustration: orange cirklar",
        ),
    ),
    (
        "arki",
        [3],
        1,
        "draft",
        (
            "luonnos-unikoulu",
            "Unikoulu opiskelijoille (luonnos)",
            "Luonnos: uni ja jaksaminen osana arjenhallinnan valmennusta.",
            _p("Tämä kirjoitus on vielä luonnos."),
            "Piirroskuva: tummansinisiä ympyröitä",
        ),
        (
            "utkast-somnskola",
            "Sömnskola för studerande (utkast)",
            "Utkast: sömn och ork som en del av träningen i vardagsfärdigheter.",
            _p("Det här inlägget är fortfarande ett utkast."),
            "Illustration: mörkblå cirklar",
        ),
    ),
]


def load() -> list[Post]:
    User = get_user_model()  # noqa: N806
    projects = {p.slug_fi: p for p in Project.objects.all()}
    themes = {t.number: t for t in Theme.objects.all()}
    network = User.objects.filter(email="verkosto@example.org").first()
    coordinator = User.objects.filter(email="koordinaattori@example.org").first()
    now = timezone.now().replace(second=0, microsecond=0)
    posts = []
    for project_slug, theme_numbers, days_ago, status, fi, sv in POSTS:
        key = {"slug_fi": fi[0]} if fi else {"slug_sv": sv[0]}
        values = {"status": status, "publish_at": now - timedelta(days=days_ago)}
        for code, content in (("fi", fi), ("sv", sv)):
            slug, title, lead, body, alt = content or ("", "", "", "", "")
            values.update(
                {
                    f"slug_{code}": slug or None,
                    f"title_{code}": title,
                    f"lead_{code}": lead,
                    f"body_{code}": body,
                    f"cover_alt_{code}": alt,
                }
            )
        if not fi:
            values["slug_fi"] = sv[0]
        if not sv:
            values["slug_sv"] = fi[0]
        values["author"] = coordinator if project_slug == "aani" else network
        post = Post.objects.filter(**key).first() or Post()
        for name, value in values.items():
            setattr(post, name, value)
        if not post.cover_image:
            seed = (fi or sv)[0]
            post.cover_image = ContentFile(cover_image(seed), name=f"{seed}.jpg")
        post.save()
        post.projects.set([projects[project_slug]] if project_slug in projects else [])
        post.themes.set([themes[n] for n in theme_numbers if n in themes])
        posts.append(post)
    return posts
