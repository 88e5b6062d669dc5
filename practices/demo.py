# ruff: noqa: E501 - demo texts
"""Demo practices: two or three example models for each of the nine projects and the
coordination project, with adoptions and one finished follow-up round. The texts are
examples written for the demo, grounded in the network survey's follow-up criteria (use
1–2 years after a project, rooting in strategies, curricula and annual plans). Idempotent: keyed by slug, organisation name and round title.
"""

from datetime import date, timedelta

from django.utils import timezone

from projects.models import Organisation, Project, Theme

from .models import Adoption, FollowUpRequest, FollowUpRound, Practice

NOTE_FI = "Esimerkkimalli: demosisältöä, ei todellisen hankkeen tuotos."
NOTE_SV = "Exempelmodell: demoinnehåll, inte resultat av ett verkligt projekt."

# Fictional adopting organisations: (name_fi, name_sv, municipality)
ORGANISATIONS = {
    "jarvi": ("Järviseudun ammattiopisto", "Järviseudun ammattiopisto", "Jyväskylä"),
    "rannikko": ("Rannikkoseudun ammattiopisto", "Kustregionens yrkesinstitut", "Vaasa"),
    "harju": ("Harjun koulutuskeskus", "Harju utbildningscenter", "Lahti"),
    "kaarna": ("Ammattiopisto Kaarna", "Yrkesinstitutet Kaarna", "Joensuu"),
    "tunturi": ("Tunturin ammattiopisto", "Tunturin ammattiopisto", "Rovaniemi"),
}

PRACTICES = [
    {
        "slug_fi": "kehittajaopiskelijamalli",
        "slug_sv": "utvecklarstuderande-modellen",
        "projects": ["aani"],
        "themes": [1],
        "status": "established",
        "target_group": "students",
        "title_fi": "Kehittäjäopiskelijamalli",
        "title_sv": "Modellen med utvecklarstuderande",
        "summary_fi": "Opiskelijat toimivat palkattuina kehittäjäopiskelijoina, jotka kokoavat "
        "opiskelijoiden näkemykset ja tuovat ne oppilaitoksen johtoryhmään.",
        "summary_sv": "Studerande arbetar som avlönade utvecklarstuderande som samlar in "
        "studerandes synpunkter och för fram dem till läroanstaltens ledningsgrupp.",
        "problem_fi": "<p>Opiskelijakunnan hallitus tavoittaa vain osan opiskelijoista, ja "
        "päätökset arjesta tehdään usein ilman opiskelijoiden ääntä.</p>",
        "problem_sv": "<p>Studerandekårens styrelse når bara en del av de studerande, och "
        "besluten om vardagen fattas ofta utan de studerandes röst.</p>",
        "target_group_details_fi": "toisen ja kolmannen vuoden opiskelijat",
        "target_group_details_sv": "studerande på andra och tredje året",
        "steps_fi": "Sovi johdon kanssa, mihin päätöksiin kehittäjäopiskelijat osallistuvat.\n"
        "Hae 4–6 kehittäjäopiskelijaa avoimella haulla ja sovi korvauksesta.\n"
        "Pidä aloituspaja: tehtävät, vaitiolo ja palautteen keruun tavat.\n"
        "Kehittäjäopiskelijat keräävät palautetta kerran jaksossa ja esittelevät sen "
        "johtoryhmässä.\nKirjaa toiminta vuosikelloon ja opiskelijakunnan toimintasuunnitelmaan.",
        "steps_sv": "Kom överens med ledningen om vilka beslut utvecklarstuderande deltar i.\n"
        "Sök 4–6 utvecklarstuderande genom en öppen ansökan och kom överens om ersättning.\n"
        "Håll en startverkstad: uppgifter, tystnadsplikt och sätt att samla in respons.\n"
        "Utvecklarstuderande samlar in respons en gång per period och presenterar den för "
        "ledningsgruppen.\nSkriv in verksamheten i årsklockan och studerandekårens "
        "verksamhetsplan.",
        "resources_fi": "Ohjaava opettaja 2 h viikossa, kehittäjäopiskelijoiden korvaus ja "
        "johtoryhmän aika kerran jaksossa.",
        "resources_sv": "En handledande lärare 2 h per vecka, ersättning till "
        "utvecklarstuderande och ledningsgruppens tid en gång per period.",
        "evaluation_fi": "<p>Mallia arvioitiin opiskelijakyselyllä ennen ja jälkeen. "
        "Kokemus siitä, että opiskelijoiden mielipiteellä on merkitystä, vahvistui. "
        "Tärkein oppi: johdon sitoutuminen ratkaisee.</p>",
        "evaluation_sv": "<p>Modellen utvärderades med en enkät till studerande före och "
        "efter. Upplevelsen av att studerandes åsikter spelar roll blev starkare. "
        "Den viktigaste lärdomen: ledningens engagemang avgör.</p>",
        "adoptions": [
            ("jarvi", "embedded", "sv"),
            ("rannikko", "in_use", "sv"),
            ("harju", "tried", "fi"),
        ],
    },
    {
        "slug_fi": "yhdenvertaisuussuunnitelman-vuosikello",
        "slug_sv": "arsklocka-for-likabehandlingsplanen",
        "projects": ["yhdessa"],
        "themes": [2],
        "status": "ready",
        "target_group": "staff",
        "title_fi": "Yhdenvertaisuussuunnitelman vuosikello",
        "title_sv": "Årsklocka för likabehandlingsplanen",
        "summary_fi": "Tasa-arvo- ja yhdenvertaisuussuunnitelman toimenpiteet jaetaan "
        "vuosikelloon, jotta suunnitelma elää arjessa eikä jää kansioon.",
        "summary_sv": "Åtgärderna i planen för jämställdhet och likabehandling fördelas i en "
        "årsklocka så att planen lever i vardagen och inte blir kvar i en pärm.",
        "problem_fi": "<p>Suunnitelma laaditaan lakisääteisesti, mutta sen toimenpiteet "
        "unohtuvat ja seuranta jää tekemättä.</p>",
        "problem_sv": "<p>Planen görs för att lagen kräver det, men åtgärderna glöms bort och "
        "uppföljningen blir ogjord.</p>",
        "steps_fi": "Kokoa suunnitelman toimenpiteet yhdeksi listaksi.\nSijoita jokainen "
        "toimenpide kuukaudelle ja nimeä vastuuhenkilö.\nLisää vuosikelloon kaksi "
        "seurantahetkeä henkilöstökokouksiin.\nKerää opiskelijoiden kokemukset "
        "yhdenvertaisuuskyselyllä joka kevät.",
        "steps_sv": "Samla planens åtgärder i en lista.\nPlacera varje åtgärd på en månad och "
        "utse en ansvarsperson.\nLägg in två uppföljningstillfällen i personalmötena.\n"
        "Samla in studerandes erfarenheter med en enkät om likabehandling varje vår.",
        "resources_fi": "Työryhmä 3–4 henkilöä, kaksi kolmen tunnin työpajaa.",
        "resources_sv": "En arbetsgrupp på 3–4 personer, två workshoppar på tre timmar.",
        "evaluation_fi": "<p>Toimenpiteiden toteutumista seurattiin vuosikellon avulla: "
        "toteutuneiden osuus nousi ensimmäisenä vuonna selvästi.</p>",
        "evaluation_sv": "<p>Genomförandet följdes upp med årsklockan: andelen genomförda "
        "åtgärder steg tydligt under det första året.</p>",
        "adoptions": [("kaarna", "embedded", "fi"), ("tunturi", "in_use", "fi")],
    },
    {
        "slug_fi": "arjenhallinnan-starttipaja",
        "slug_sv": "startverkstad-i-vardagsfardigheter",
        "projects": ["arki"],
        "themes": [3],
        "status": "ready",
        "target_group": "students",
        "title_fi": "Arjenhallinnan starttipaja",
        "title_sv": "Startverkstad i vardagsfärdigheter",
        "summary_fi": "Ensimmäisen vuoden opiskelijoiden neljän kerran paja rahasta, "
        "asumisesta, unesta ja ajankäytöstä osana opintoja.",
        "summary_sv": "En verkstad i fyra delar för förstaårsstuderande om ekonomi, boende, "
        "sömn och tidsanvändning som en del av studierna.",
        "steps_fi": "Varaa pajalle neljä kertaa ensimmäisen jakson lukujärjestyksestä.\n"
        "Kutsu mukaan opinto-ohjaaja, kuraattori ja asumisneuvoja.\nKäytä valmiita "
        "tehtäväkortteja ja opiskelijan omaa arjen suunnitelmaa.\nSeuraa poissaoloja ja "
        "keskeyttämisiä ensimmäisen vuoden ajan.",
        "steps_sv": "Reservera fyra tillfällen i schemat för den första perioden.\nBjud in "
        "studiehandledaren, kuratorn och en boenderådgivare.\nAnvänd de färdiga "
        "uppgiftskorten och studerandes egen vardagsplan.\nFölj upp frånvaro och "
        "studieavbrott under det första året.",
        "resources_fi": "Neljä 90 minuutin pajaa ryhmää kohden, kaksi ohjaajaa.",
        "resources_sv": "Fyra verkstäder på 90 minuter per grupp, två handledare.",
        "adoptions": [("jarvi", "in_use", "fi"), ("harju", "in_use", "fi")],
    },
    {
        "slug_fi": "hyvinvointijohtamisen-vertaisryhma",
        "slug_sv": "kamratgrupp-for-ledning-av-valbefinnandet",
        "projects": ["johtaja"],
        "themes": [4],
        "status": "established",
        "target_group": "leadership",
        "title_fi": "Hyvinvointijohtamisen vertaisryhmä",
        "title_sv": "Kamratgrupp för ledning av välbefinnandet",
        "summary_fi": "Eri oppilaitosten esihenkilöt tapaavat kuusi kertaa vuodessa ja "
        "sopivat yhteiset mittarit henkilöstön ja opiskelijoiden hyvinvoinnille.",
        "summary_sv": "Chefer från olika läroanstalter träffas sex gånger per år och kommer "
        "överens om gemensamma mätare för personalens och studerandes välbefinnande.",
        "steps_fi": "Kokoa 6–8 esihenkilön ryhmä vähintään kolmesta oppilaitoksesta.\n"
        "Valitse yhdessä 3–5 hyvinvoinnin mittaria laatujärjestelmästä.\nTapaa joka toinen "
        "kuukausi: tilannekuva, yksi kokeilu, palaute.\nKirjaa sovitut käytännöt strategiaan "
        "ja johtamisen vuosikelloon.",
        "steps_sv": "Samla en grupp på 6–8 chefer från minst tre läroanstalter.\nVälj "
        "tillsammans 3–5 mätare för välbefinnande ur kvalitetssystemet.\nTräffas varannan "
        "månad: lägesbild, ett försök, respons.\nSkriv in de överenskomna rutinerna i "
        "strategin och ledningens årsklocka.",
        "resources_fi": "Fasilitaattori ja kuusi kolmen tunnin tapaamista vuodessa.",
        "resources_sv": "En facilitator och sex träffar på tre timmar per år.",
        "adoptions": [("kaarna", "in_use", "fi"), ("rannikko", "embedded", "sv")],
    },
    {
        "slug_fi": "hairintaan-puuttumisen-polku",
        "slug_sv": "stig-for-att-ingripa-i-trakasserier",
        "projects": ["turvallinen"],
        "themes": [2, 4],
        "status": "ready",
        "target_group": "community",
        "title_fi": "Häirintään puuttumisen polku",
        "title_sv": "Stig för att ingripa i trakasserier",
        "summary_fi": "Selkeä polku siihen, miten kiusaamisesta ja häirinnästä ilmoitetaan, "
        "kuka asian käsittelee ja miten tilannetta seurataan.",
        "summary_sv": "En tydlig stig för hur mobbning och trakasserier anmäls, vem som "
        "behandlar ärendet och hur situationen följs upp.",
        "steps_fi": "Kuvaa nykyinen käytäntö yhdessä opiskelijoiden kanssa.\nSovi "
        "ilmoituskanavat, myös nimetön kanava.\nNimeä käsittelijät ja varahenkilöt.\n"
        "Kouluta henkilöstö ja kerro polusta opiskelijoille joka syksy.",
        "steps_sv": "Beskriv nuvarande praxis tillsammans med studerande.\nKom överens om "
        "kanaler för anmälan, även en anonym kanal.\nUtse handläggare och ersättare.\n"
        "Utbilda personalen och berätta om stigen för studerande varje höst.",
        "resources_fi": "Työryhmä, kaksi koulutustuntia henkilöstölle.",
        "resources_sv": "En arbetsgrupp, två utbildningstimmar för personalen.",
        "adoptions": [("tunturi", "tried", "fi")],
    },
    {
        "slug_fi": "keskeyttamisen-ennakointi",
        "slug_sv": "tidig-upptackt-av-studieavbrott",
        "projects": ["polku"],
        "themes": [3],
        "status": "developing",
        "target_group": "staff",
        "title_fi": "Keskeyttämisen ennakointi moniammatillisesti",
        "title_sv": "Tidig upptäckt av studieavbrott i multiprofessionellt samarbete",
        "summary_fi": "Opettaja, opinto-ohjaaja ja opiskeluhuolto käyvät kuukausittain läpi "
        "opiskelijat, joiden opinnot ovat pysähtymässä, ja sopivat tuesta.",
        "summary_sv": "",
        "steps_fi": "Sovi kolme hälytysmerkkiä, esimerkiksi poissaolot ja rästit.\nPidä "
        "kuukausittainen 45 minuutin palaveri.\nNimeä jokaiselle opiskelijalle yksi "
        "yhteyshenkilö.\nSeuraa läpäisyä ja keskeyttämisiä lukuvuoden lopussa.",
        "resources_fi": "45 minuuttia kuukaudessa kolmelta ammattilaiselta ryhmää kohden.",
        "adoptions": [],
    },
    {
        "slug_fi": "vertaisohjaajat-kahdella-kielella",
        "slug_sv": "kamrathandledare-pa-tva-sprak",
        "projects": ["mukana", "voimaa"],
        "themes": [1, 3],
        "status": "ready",
        "target_group": "students",
        "title_fi": "Vertaisohjaajat kahdella kielellä",
        "title_sv": "Kamrathandledare på två språk",
        "summary_fi": "Suomen- ja ruotsinkieliset vertaisohjaajat järjestävät yhteisiä "
        "tapaamisia, jotka vahvistavat yhteisöllisyyttä ja jaksamista.",
        "summary_sv": "Finsk- och svenskspråkiga kamrathandledare ordnar gemensamma träffar "
        "som stärker gemenskapen och orken.",
        "steps_fi": "Kouluta vertaisohjaajat parreittain, yksi kummastakin kieliryhmästä.\n"
        "Suunnittele lukukauden tapaamiset opiskelijoiden toiveista.\nTarjoa tila ja pieni "
        "budjetti.\nKerää palaute jokaisen tapaamisen jälkeen.",
        "steps_sv": "Utbilda kamrathandledarna i par, en från varje språkgrupp.\nPlanera "
        "terminens träffar utifrån studerandes önskemål.\nErbjud ett utrymme och en liten "
        "budget.\nSamla in respons efter varje träff.",
        "resources_fi": "Ohjaava opettaja, kaksi koulutuspäivää, pieni tapahtumabudjetti.",
        "resources_sv": "En handledande lärare, två utbildningsdagar, en liten budget för "
        "träffarna.",
        "adoptions": [("rannikko", "in_use", "sv"), ("jarvi", "tried", "fi")],
    },
    {
        "slug_fi": "tyopaikkaohjaajan-hyvinvointikortti",
        "slug_sv": "valbefinnandekort-for-handledare",
        "projects": ["kestava"],
        "themes": [4],
        "status": "developing",
        "target_group": "workplaces",
        "title_fi": "Työpaikkaohjaajan hyvinvointikortti",
        "title_sv": "Välbefinnandekort för handledare på arbetsplatsen",
        "summary_fi": "Lyhyt kortti ja koulutus, joilla työpaikkaohjaaja tunnistaa "
        "opiskelijan kuormittumisen ja antaa palautetta turvallisesti.",
        "summary_sv": "Ett kort kort och en utbildning som hjälper handledaren att känna igen "
        "när studeranden är överbelastad och att ge respons på ett tryggt sätt.",
        "steps_fi": "Jaa kortti työpaikkaohjaajille ennen jakson alkua.\nPidä 60 minuutin "
        "etäkoulutus.\nSovi väliarviointiin kysymys opiskelijan jaksamisesta.",
        "steps_sv": "Dela ut kortet till handledarna före perioden.\nHåll en utbildning på "
        "distans i 60 minuter.\nLägg till en fråga om studerandes ork i mellanbedömningen.",
        "resources_fi": "Painettu kortti ja tunnin koulutus.",
        "resources_sv": "Ett tryckt kort och en timmes utbildning.",
        "adoptions": [("harju", "tried", "fi")],
    },
    {
        "slug_fi": "opiskelijaraati-tilasuunnitteluun",
        "slug_sv": "studerandenas-rad-for-planering-av-utrymmen",
        "projects": ["aani"],
        "themes": [1],
        "status": "ready",
        "target_group": "students",
        "title_fi": "Opiskelijaraati tilasuunnitteluun",
        "title_sv": "Studerandenas råd för planering av utrymmen",
        "summary_fi": "Opiskelijaraati arvioi oppilaitoksen yhteiset tilat kävelykierroksella ja tekee johdolle kolme muutosehdotusta lukuvuodessa.",
        "summary_sv": "Ett studerandenas råd bedömer läroanstaltens gemensamma utrymmen under en promenad och ger ledningen tre förslag till förändringar per läsår.",
        "steps_fi": "Kokoa raatiin opiskelijoita eri aloilta ja eri vuosikursseilta.\nTehkää kävelykierros ja kuvatkaa tilat, joissa viihdytään ja joita vältellään.\nValitkaa kolme ehdotusta ja esitelkää ne johtoryhmälle.\nKertokaa syksyllä, mitkä ehdotukset toteutuivat.",
        "steps_sv": "Samla studerande från olika branscher och årskurser i rådet.\nGå en promenad och fotografera utrymmen där man trivs och utrymmen som man undviker.\nVälj tre förslag och presentera dem för ledningsgruppen.\nBerätta på hösten vilka förslag som genomfördes.",
        "resources_fi": "Ohjaava opettaja ja kaksi iltapäivää lukukaudessa.",
        "resources_sv": "En handledande lärare och två eftermiddagar per termin.",
        "adoptions": [("harju", "in_use", "fi"), ("kaarna", "tried", "fi")],
    },
    {
        "slug_fi": "saavutettavan-opetuksen-tarkistuslista",
        "slug_sv": "checklista-for-tillganglig-undervisning",
        "projects": ["yhdessa"],
        "themes": [2],
        "status": "ready",
        "target_group": "staff",
        "title_fi": "Saavutettavan opetuksen tarkistuslista",
        "title_sv": "Checklista för tillgänglig undervisning",
        "summary_fi": "Opettajien yhdessä kokoama lista: selkeät ohjeet, tekstitetyt videot, rauhalliset tilat ja vaihtoehtoiset tavat näyttää osaaminen.",
        "summary_sv": "En lista som lärarna har sammanställt tillsammans: tydliga instruktioner, textade videor, lugna utrymmen och alternativa sätt att visa kunnande.",
        "steps_fi": "Käy lista läpi tiimissä lukuvuoden alussa.\nValitse kaksi kohtaa, joita kokeilet jakson aikana.\nKysy opiskelijoilta palaute jakson lopussa.\nPäivitä lista tiimin kokemusten perusteella.",
        "steps_sv": "Gå igenom listan i teamet i början av läsåret.\nVälj två punkter som du prövar under perioden.\nBe de studerande om respons i slutet av perioden.\nUppdatera listan utifrån teamets erfarenheter.",
        "resources_fi": "Tiimikokouksen aika kahdesti lukukaudessa.",
        "resources_sv": "Tid på teammötet två gånger per termin.",
        "adoptions": [("rannikko", "in_use", "sv"), ("tunturi", "tried", "fi")],
    },
    {
        "slug_fi": "asumisen-vertaisilta",
        "slug_sv": "kamratkvall-om-boende",
        "projects": ["arki"],
        "themes": [3],
        "status": "developing",
        "target_group": "students",
        "title_fi": "Asumisen vertaisilta",
        "title_sv": "Kamratkväll om boende",
        "summary_fi": "Omillaan asuvat opiskelijat kertovat uusille opiskelijoille, miten vuokra, sähkösopimus ja kotivakuutus hoidetaan.",
        "summary_sv": "Studerande som bor på egen hand berättar för nya studerande hur man sköter hyra, elavtal och hemförsäkring.",
        "steps_fi": "Pyydä kaksi tai kolme vanhempaa opiskelijaa kertojiksi.\nKutsu mukaan asumisneuvoja vastaamaan kysymyksiin.\nKoostakaa illan vinkit yhdelle sivulle.\nJärjestä ilta uudelleen kevätlukukaudella.",
        "steps_sv": "Be två eller tre äldre studerande att berätta.\nBjud in en boenderådgivare som svarar på frågor.\nSammanställ kvällens tips på en sida.\nOrdna kvällen på nytt under vårterminen.",
        "resources_fi": "Yksi ilta, tarjoilu ja asumisneuvojan aika.",
        "resources_sv": "En kväll, servering och boenderådgivarens tid.",
        "adoptions": [("jarvi", "tried", "fi")],
    },
    {
        "slug_fi": "hyvinvoinnin-tilannekuva-johtoryhmalle",
        "slug_sv": "lagesbild-av-valbefinnandet-for-ledningsgruppen",
        "projects": ["johtaja"],
        "themes": [4],
        "status": "established",
        "target_group": "leadership",
        "title_fi": "Hyvinvoinnin tilannekuva johtoryhmälle",
        "title_sv": "Lägesbild av välbefinnandet för ledningsgruppen",
        "summary_fi": "Johtoryhmä käsittelee kerran jaksossa yhden sivun tilannekuvan henkilöstön ja opiskelijoiden hyvinvoinnista ja päättää yhdestä toimenpiteestä.",
        "summary_sv": "Ledningsgruppen behandlar en gång per period en lägesbild på en sida om personalens och studerandes välbefinnande och beslutar om en åtgärd.",
        "steps_fi": "Valitse tilannekuvaan enintään viisi lukua, esimerkiksi poissaolot ja kyselyjen tulokset.\nKoosta sivu samalla pohjalla joka jaksossa.\nVaraa käsittelyyn johtoryhmän asialistalta vakiopaikka.\nKirjaa päätetty toimenpide ja seuraa sitä seuraavassa kokouksessa.",
        "steps_sv": "Välj högst fem tal till lägesbilden, till exempel frånvaro och enkätresultat.\nSammanställ sidan med samma mall varje period.\nReservera en fast plats på ledningsgruppens föredragningslista.\nSkriv ned den beslutade åtgärden och följ upp den på nästa möte.",
        "resources_fi": "Laatukoordinaattorin työaikaa kaksi tuntia jaksossa.",
        "resources_sv": "Kvalitetskoordinatorns arbetstid två timmar per period.",
        "adoptions": [("tunturi", "embedded", "fi"), ("jarvi", "in_use", "fi")],
    },
    {
        "slug_fi": "turvallisuuskavely",
        "slug_sv": "trygghetsvandring",
        "projects": ["turvallinen"],
        "themes": [2],
        "status": "ready",
        "target_group": "community",
        "title_fi": "Turvallisuuskävely",
        "title_sv": "Trygghetsvandring",
        "summary_fi": "Opiskelijat ja henkilöstö kiertävät oppilaitoksen yhdessä ja merkitsevät paikat, joissa olo tuntuu turvattomalta.",
        "summary_sv": "Studerande och personal går tillsammans runt läroanstalten och märker ut platser där man känner sig otrygg.",
        "steps_fi": "Kokoa kävelylle pieni ryhmä opiskelijoita ja henkilöstöä.\nMerkitkää pohjakarttaan turvalliset ja turvattomat paikat.\nSopikaa korjaukset ja vastuuhenkilöt.\nToistakaa kävely vuoden kuluttua.",
        "steps_sv": "Samla en liten grupp studerande och personal för vandringen.\nMärk ut trygga och otrygga platser på en planritning.\nKom överens om åtgärder och ansvarspersoner.\nUpprepa vandringen efter ett år.",
        "resources_fi": "Kaksi tuntia kävelyyn ja purkuun.",
        "resources_sv": "Två timmar för vandringen och genomgången.",
        "adoptions": [("kaarna", "in_use", "fi"), ("rannikko", "tried", "sv")],
    },
    {
        "slug_fi": "tyoelamapaiva-ryhmaytyjana",
        "slug_sv": "arbetslivsdagen-som-gruppstart",
        "projects": ["polku"],
        "themes": [3],
        "status": "established",
        "target_group": "workplaces",
        "title_fi": "Työelämäpäivä ryhmäytymisen tukena",
        "title_sv": "Arbetslivsdagen som stöd för gruppen",
        "summary_fi": "Ensimmäisen vuoden ryhmät tutustuvat yhdessä kolmeen alan työpaikkaan, mikä vahvistaa sekä ryhmää että opiskelumotivaatiota.",
        "summary_sv": "Förstaårsgrupperna besöker tillsammans tre arbetsplatser i branschen, vilket stärker både gruppen och studiemotivationen.",
        "steps_fi": "Sovi vierailut kolmen työpaikan kanssa hyvissä ajoin.\nAnna ryhmille etukäteen kysymykset, joihin vierailulla etsitään vastauksia.\nPurkakaa päivä yhdessä seuraavalla viikolla.\nKutsu työpaikkojen edustajat oppilaitokseen kevään työelämäpäivään.",
        "steps_sv": "Kom överens om besöken med tre arbetsplatser i god tid.\nGe grupperna frågor i förväg som de söker svar på under besöket.\nGå igenom dagen tillsammans veckan efter.\nBjud in arbetsplatsernas representanter till läroanstalten på vårens arbetslivsdag.",
        "resources_fi": "Yksi koulupäivä, kuljetukset ja kaksi opettajaa.",
        "resources_sv": "En skoldag, transporter och två lärare.",
        "adoptions": [("harju", "embedded", "fi"), ("tunturi", "in_use", "fi")],
    },
    {
        "slug_fi": "kaksikielinen-opiskelijapaiva",
        "slug_sv": "tvasprakig-studerandedag",
        "projects": ["mukana"],
        "themes": [1, 2],
        "status": "ready",
        "target_group": "students",
        "title_fi": "Kaksikielinen opiskelijapäivä",
        "title_sv": "Tvåspråkig studerandedag",
        "summary_fi": "Suomen- ja ruotsinkieliset opiskelijat suunnittelevat ja toteuttavat yhteisen päivän, jonka ohjelma on molemmilla kielillä.",
        "summary_sv": "Finsk- och svenskspråkiga studerande planerar och genomför en gemensam dag med program på båda språken.",
        "steps_fi": "Kokoa suunnitteluryhmä, jossa on opiskelijoita molemmista kieliryhmistä.\nSopikaa ohjelma ja kieli jokaiselle osuudelle.\nJakakaa vastuut pareittain yli kielirajan.\nKerätkää palaute molemmilla kielillä.",
        "steps_sv": "Samla en planeringsgrupp med studerande från båda språkgrupperna.\nKom överens om programmet och språket för varje del.\nFördela ansvaret i par över språkgränsen.\nSamla in respons på båda språken.",
        "resources_fi": "Kaksi ohjaavaa opettajaa ja pieni tapahtumabudjetti.",
        "resources_sv": "Två handledande lärare och en liten budget för dagen.",
        "adoptions": [("rannikko", "embedded", "sv")],
    },
    {
        "slug_fi": "vertaisohjaajien-koulutuspaketti",
        "slug_sv": "utbildningspaket-for-kamrathandledare",
        "projects": ["voimaa"],
        "themes": [3],
        "status": "ready",
        "target_group": "students",
        "title_fi": "Vertaisohjaajien koulutuspaketti",
        "title_sv": "Utbildningspaket för kamrathandledare",
        "summary_fi": "Kahden päivän koulutus vertaisohjaajille: kuunteleminen, ryhmän ohjaaminen ja milloin ohjata aikuisen puheille.",
        "summary_sv": "En tvådagarsutbildning för kamrathandledare: att lyssna, att leda en grupp och när man ska hänvisa till en vuxen.",
        "steps_fi": "Hae vertaisohjaajiksi toisen vuoden opiskelijoita.\nPidä ensimmäinen koulutuspäivä ennen lukuvuoden alkua ja toinen lokakuussa.\nHarjoitelkaa tilanteita pareittain.\nSovi, kenen aikuisen puoleen vertaisohjaaja voi aina kääntyä.",
        "steps_sv": "Sök kamrathandledare bland andraårsstuderande.\nHåll den första utbildningsdagen före läsårets början och den andra i oktober.\nÖva situationer i par.\nKom överens om vilken vuxen kamrathandledaren alltid kan vända sig till.",
        "resources_fi": "Kaksi koulutuspäivää ja kouluttajan palkkio.",
        "resources_sv": "Två utbildningsdagar och utbildarens arvode.",
        "adoptions": [("jarvi", "in_use", "fi"), ("kaarna", "tried", "fi")],
    },
    {
        "slug_fi": "palautekeskustelu-tyopaikalla",
        "slug_sv": "responssamtal-pa-arbetsplatsen",
        "projects": ["kestava"],
        "themes": [1, 4],
        "status": "ready",
        "target_group": "workplaces",
        "title_fi": "Palautekeskustelu työpaikalla",
        "title_sv": "Responssamtal på arbetsplatsen",
        "summary_fi": "Opiskelija, työpaikkaohjaaja ja opettaja käyvät jakson puolivälissä 20 minuutin keskustelun, jossa opiskelija kertoo ensin oman näkemyksensä.",
        "summary_sv": "Studeranden, handledaren och läraren för ett samtal på 20 minuter mitt i perioden där studeranden först berättar om sin egen syn.",
        "steps_fi": "Sovi keskustelun ajankohta jo jakson alussa.\nAnna opiskelijalle kolme kysymystä etukäteen.\nAloita opiskelijan näkemyksestä, sitten ohjaajan palaute.\nKirjatkaa sovitut asiat lyhyesti.",
        "steps_sv": "Kom överens om tidpunkten för samtalet redan i början av perioden.\nGe studeranden tre frågor i förväg.\nBörja med studerandens syn, sedan handledarens respons.\nSkriv kort ned det ni kom överens om.",
        "resources_fi": "20 minuuttia jaksoa kohden, etänä tai työpaikalla.",
        "resources_sv": "20 minuter per period, på distans eller på arbetsplatsen.",
        "adoptions": [("harju", "in_use", "fi")],
    },
    {
        "slug_fi": "vertaiskehittamisen-tyopaja",
        "slug_sv": "verkstad-for-kollegial-utveckling",
        "projects": ["valita-visa-omtanke"],
        "themes": [1, 2, 3, 4],
        "status": "established",
        "target_group": "staff",
        "title_fi": "Vertaiskehittämisen työpaja",
        "title_sv": "Verkstad för kollegial utveckling",
        "summary_fi": "Verkoston hankkeet esittelevät toisilleen yhden keskeneräisen ratkaisun ja saavat siihen kollegoilta palautetta rakenteellisen kaavan mukaan.",
        "summary_sv": "Nätverkets projekt presenterar en ofärdig lösning för varandra och får respons från kolleger enligt en strukturerad modell.",
        "steps_fi": "Pyydä kahta hanketta valmistelemaan viiden minuutin esittely keskeneräisestä ratkaisusta.\nKerää palaute kaavalla: mikä toimii, mitä kysyn, mitä kokeilisin.\nEsittelijä valitsee yhden kokeilun seuraavaan tapaamiseen.\nKerro seuraavassa tapaamisessa, miten kokeilu onnistui.",
        "steps_sv": "Be två projekt förbereda en presentation på fem minuter av en ofärdig lösning.\nSamla in respons enligt modellen: vad fungerar, vad undrar jag, vad skulle jag pröva.\nPresentatören väljer ett försök till nästa träff.\nBerätta på nästa träff hur försöket gick.",
        "resources_fi": "90 minuutin etätapaaminen ja fasilitaattori.",
        "resources_sv": "En distansträff på 90 minuter och en facilitator.",
        "adoptions": [("jarvi", "in_use", "fi"), ("rannikko", "in_use", "sv")],
    },
    {
        "slug_fi": "tulosten-levittamisen-vuosikello",
        "slug_sv": "arsklocka-for-spridning-av-resultat",
        "projects": ["valita-visa-omtanke"],
        "themes": [1, 4],
        "status": "ready",
        "target_group": "leadership",
        "title_fi": "Tulosten levittämisen vuosikello",
        "title_sv": "Årsklocka för spridning av resultat",
        "summary_fi": "Hankkeet merkitsevät yhteiseen vuosikelloon, milloin ne esittelevät tuloksiaan OPH:lle, verkostolle ja omille oppilaitoksilleen.",
        "summary_sv": "Projekten för in i en gemensam årsklocka när de presenterar sina resultat för UBS, nätverket och sina egna läroanstalter.",
        "steps_fi": "Kokoa hankkeiden tärkeimmät tulokset ja niiden valmistumisajat.\nSovi jokaiselle tulokselle kohderyhmä ja kanava.\nMerkitse esittelyt vuosikelloon ja jaa se verkostolle.\nTarkista vuosikello puolen vuoden välein.",
        "steps_sv": "Samla projektens viktigaste resultat och när de blir färdiga.\nBestäm målgrupp och kanal för varje resultat.\nFör in presentationerna i årsklockan och dela den med nätverket.\nSe över årsklockan varje halvår.",
        "resources_fi": "Koordinaatiohankkeen työaikaa ja yksi verkostotapaaminen.",
        "resources_sv": "Koordineringsprojektets arbetstid och en nätverksträff.",
        "adoptions": [("kaarna", "embedded", "fi")],
    },
]


def _organisations() -> dict[str, Organisation]:
    organisations = {}
    for key, (name_fi, name_sv, town) in ORGANISATIONS.items():
        organisations[key], _ = Organisation.objects.update_or_create(
            name_fi=name_fi, defaults={"name_sv": name_sv, "municipality": town}
        )
    return organisations


def load() -> list[Practice]:
    organisations = _organisations()
    projects = {p.slug_fi: p for p in Project.objects.all()}
    themes = {t.number: t for t in Theme.objects.all()}
    practices = []
    for row in PRACTICES:
        data = dict(row)
        project_slugs = data.pop("projects")
        theme_numbers = data.pop("themes")
        adoptions = data.pop("adoptions")
        slug = data.pop("slug_fi")
        for language, note in (("fi", NOTE_FI), ("sv", NOTE_SV)):
            key = f"evaluation_{language}"
            if data.get(f"summary_{language}"):
                data[key] = data.get(key, "") + f"<p>{note}</p>"
        practice, _ = Practice.objects.update_or_create(
            slug_fi=slug,
            defaults={
                **data,
                "is_published": True,
                "licence": Practice.Licence.CC_BY,
                "contact_name": "Projektipäällikkö " + projects[project_slugs[0]].short_name_fi,
                "contact_email": f"{project_slugs[0]}@example.org",
            },
        )
        practice.projects.set([projects[s] for s in project_slugs if s in projects])
        practice.themes.set([themes[n] for n in theme_numbers if n in themes])
        for index, (org_key, depth, language) in enumerate(adoptions):
            Adoption.objects.update_or_create(
                practice=practice,
                organisation=organisations[org_key],
                defaults={
                    "since": date(2025, 1 + index * 3, 1),
                    "depth": depth,
                    "contact_name": f"Yhteyshenkilö, {organisations[org_key].name_fi}",
                    "contact_email": f"{org_key}.{index}@example.org",
                    "contact_language": language,
                },
            )
        practices.append(practice)
    _finished_round(practices)
    return practices


def _finished_round(practices: list[Practice]) -> None:
    """One closed follow-up round, answered by all but one contact."""
    now = timezone.now()
    round, _ = FollowUpRound.objects.update_or_create(
        title="Syksyn seuranta (esimerkki)",
        defaults={
            "started_at": now - timedelta(days=60),
            "closes_at": now - timedelta(days=32),
            "months_after": 12,
        },
    )
    chosen = [p for p in practices if p.adoptions.exists()][:4]
    round.practices.set(chosen)
    adoptions = list(Adoption.objects.filter(practice__in=chosen).order_by("pk"))
    answers = ["in_use", "changed", "in_use", "discontinued", "in_use", "in_use"]
    for index, adoption in enumerate(adoptions):
        answer = answers[index % len(answers)] if index < len(adoptions) - 1 else ""
        answered_at = now - timedelta(days=50 - index) if answer else None
        FollowUpRequest.objects.update_or_create(
            round=round,
            adoption=adoption,
            defaults={
                "email": adoption.contact_email,
                "language": adoption.contact_language,
                "sent_at": now - timedelta(days=60),
                "reminded_at": now - timedelta(days=53),
                "answered_at": answered_at,
                "answer": answer,
                "comment": "Vuosikellossa syyskuusta alkaen."
                if answer == "changed"
                else ("Resurssit loppuivat hankkeen jälkeen." if answer == "discontinued" else ""),
            },
        )
        if answer == "discontinued":
            adoption.status = Adoption.Status.DISCONTINUED
            adoption.ended_on = answered_at.date()
        elif answer:
            adoption.status = "changed" if answer == "changed" else "active"
            adoption.last_confirmed_at = answered_at
        adoption.save()
