#include "extract/gazetteer.h"

#include "model/namekey.h"

#include <QStringList>

#include <cstddef>

namespace gloss::extract::detail {
// Generated from iso-codes at build time, see gazetteer/generate_gazetteer.py.
extern const char *const gazetteerPlaces[];
extern const std::size_t gazetteerPlaceCount;
} // namespace gloss::extract::detail

namespace gloss::extract {

namespace {

// Well-known organisations, "name = canonical" for their other names.
const char *const Organizations = R"(
Taliban
Afghan Taliban = Taliban
al Qaeda
al-Qaeda = al Qaeda
Al Qaeda = al Qaeda
Al-Qaeda = al Qaeda
al Qaida = al Qaeda
Islamic State
ISIS = Islamic State
ISIL = Islamic State
Daesh = Islamic State
Islamic State of Iraq and Syria = Islamic State
Hamas
Hezbollah
Boko Haram
al-Shabaab
al Shabaab = al-Shabaab
Haqqani network
NATO
North Atlantic Treaty Organization = NATO
United Nations
UN = United Nations
U.N. = United Nations
UNICEF
UNHCR
World Health Organization
WHO = World Health Organization
European Union
EU = European Union
E.U. = European Union
European Commission
European Parliament
European Council
European Central Bank
ECB = European Central Bank
World Trade Organization
WTO = World Trade Organization
International Monetary Fund
IMF = International Monetary Fund
World Bank
OPEC
African Union
Arab League
ASEAN
G7
G20
Red Cross
International Committee of the Red Cross
Amnesty International
Human Rights Watch
Greenpeace
Pentagon
White House
Kremlin
Congress
Senate
House of Representatives
Supreme Court
State Department
FBI
CIA
NSA
Federal Reserve
Fed = Federal Reserve
Federal Trade Commission
FTC = Federal Trade Commission
SEC
Reuters
Associated Press
AP = Associated Press
AFP
Agence France-Presse = AFP
Bloomberg
BBC
CNN
Al Jazeera
New York Times
Washington Post
Wall Street Journal
Financial Times
Twitter
Facebook
Instagram
WhatsApp
YouTube
Google
Apple
Microsoft
Amazon
Meta
TikTok
Nasdaq
Volkswagen
BMW
Daimler
Mercedes-Benz
Harley-Davidson
Boeing
Airbus
Toyota
General Motors
Ford
Tesla
Samsung
Huawei
)";

const char *const Titles
    = "president|vice|prime|minister|secretary|senator|sen.|representative|rep.|congressman|congresswoman|governor|"
      "gov.|mayor|general|gen.|major|colonel|col.|lieutenant|lt.|captain|capt.|admiral|commander|chief|judge|justice|"
      "king|queen|prince|princess|pope|mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|sir|lord|lady|chancellor|ambassador|envoy|"
      "spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|director|professor|prof.|deputy|commissioner|"
      "sheikh|mullah|maulana|imam|cardinal|bishop|rev.|reverend|father|attorney|speaker|sergeant|sgt.|"
      "president-elect|councillor|councilor|councilman|councilwoman|alderman|mayor-elect|governor-elect|"
      "president-elect|premier|emir|crown|ayatollah|marshal|brigadier|superintendent|inspector|ceo|executive|"
      "founder|officer|leader|treasurer|counsel|coach|dame|saint|st.|secretary-general|undersecretary|"
      "secretary of state|secretary of defense|secretary general|attorney general|surgeon general";

const char *const Demonyms
    = "afghan|afghans|pakistani|pakistanis|american|americans|european|europeans|spanish|spaniard|spaniards|"
      "british|briton|britons|english|french|german|germans|italian|italians|chinese|russian|russians|iranian|"
      "iranians|iraqi|iraqis|syrian|syrians|saudi|saudis|turkish|indian|indians|brazilian|brazilians|argentine|"
      "argentinian|mexican|mexicans|canadian|canadians|japanese|korean|koreans|israeli|israelis|palestinian|"
      "palestinians|egyptian|egyptians|african|africans|asian|asians|arab|arabs|western|eastern|northern|southern|"
      "irish|scottish|welsh|dutch|belgian|swiss|austrian|swedish|norwegian|danish|finnish|polish|greek|portuguese|"
      "ukrainian|ukrainians|latin|islamic|muslim|muslims|christian|christians|jewish|hindu|buddhist|sunni|shia|"
      "shiite|pashtun|pashtuns|uzbek|tajik|hazara|kurdish|kurds|catalan|andalusian|norwegian|nigerian|kenyan|"
      "australian|indonesian|filipino|vietnamese|thai|bangladeshi|qatari|emirati|yemeni|lebanese|jordanian|"
      "libyan|tunisian|moroccan|algerian|ethiopian|somali|sudanese|chilean|colombian|peruvian|venezuelan|cuban|"
      "democrat|democrats|republican|republicans|social|europe-wide|transatlantic|latino|latinos";

// Capitalised words that begin sentences in news prose and are not names.
const char *const SentenceWords
    = "the|a|an|and|but|or|nor|so|yet|for|in|on|at|by|to|from|with|without|of|as|if|when|while|where|after|before|"
      "since|until|because|although|though|however|even|also|still|then|there|here|this|that|these|those|it|its|"
      "he|she|they|we|i|you|his|her|their|our|my|your|who|what|which|why|how|some|many|most|more|much|few|all|both|"
      "each|every|no|not|none|neither|either|other|another|such|one|two|three|four|five|six|seven|eight|nine|ten|"
      "first|second|third|last|next|new|old|several|only|just|already|meanwhile|instead|earlier|later|now|today|"
      "yesterday|tomorrow|tonight|nobody|everybody|everyone|someone|anyone|nothing|everything|officials|analysts|"
      "critics|experts|residents|diplomats|police|authorities|shares|images|memories|storms|floods|rainfall|water|"
      "industry|agriculture|answering|speaking|briefing|asked|according|under|over|among|between|during|despite|"
      "against|about|around|across|through|toward|towards|into|onto|upon|within|outside|inside|near|like|unlike|"
      "once|twice|let|let's|please|yes|well|thanks|thank|back|never|always|often|sometimes|perhaps|maybe|indeed|"
      "further|furthermore|moreover|nonetheless|nevertheless|overall|together|again|almost|nearly|about|roughly|"
      "shortly|recently|currently|already|finally|ultimately|initially|separately|previously|similarly|likewise|"
      "above|below|behind|beyond|along|amid|amidst|per|via|we're|it's|that's|there's|i'm|don't|can't|won't|"
      "is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|should|may|might|must|shall|"
      "extreme|torrential|lower|moving|environmental|consumer|housing|social|not";

const char *const Calendar
    = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
      "jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|"
      "thu|thur|thurs|fri|sat|sun|eid|ramadan|christmas|easter|diwali|hanukkah|thanksgiving|passover|ramzan|"
      "new year|new year's|eid al-fitr|eid al-adha|eid mubarak|lent|advent|halloween";

// Capitalised words that are not names on their own: languages, religions, laws, generic nouns.
const char *const NotNames
    = "islam|god|allah|internet|web|gdpr|covid|covid-19|mujahideen|parliament|government|army|ministry|"
      "ok|tv|am|pm|a.m.|p.m.|gmt|utc|edt|est|pdt|cet|bst|mph|km|i|ii|iii|iv|ceo|cfo|ai|it|id|pr|dna|eu-us|"
      "i'd|i'll|i've|fatwa|jihad|sharia|quran|koran|bible|president|secretary|minister|general|senator|governor|mayor|"
      "prime|chief|spokesman|spokeswoman|commander|leader|director|deputy|mr|mrs|ms|dr|we|us-led|"
      "peace|ceasefire|truce|news|breaking|update|photo|video|read|more|please|note|editing|reporting|"
      "writing|additional|north|south|east|west|central|federal|national|international|global|world";

const char *const OrgHeads
    = "department|ministry|office|commission|committee|council|agency|bank|university|college|institute|center|"
      "centre|association|federation|union|organization|organisation|party|parliament|court|corporation|company|"
      "inc|inc.|corp|corp.|ltd|ltd.|llc|plc|group|securities|network|foundation|fund|authority|board|bureau|"
      "service|services|army|police|forces|relations|chamber|congress|senate|assembly|administration|government|"
      "staff|defense|defence|times|post|journal|news|airlines|airways|motors|industries|holdings|"
      "partners|capital|ventures|labs|technologies|systems|bancorp|trust|society|league|academy|school|museum|"
      "hospital|church|mission|movement|front|brigade|brigades|guard|guards|corps|command|cabinet|tribunal|"
      "exchange|reserve|treasury|program|programme|project|initiative|alliance|coalition|federal|secretariat|"
      "directorate|institution|observatory|laboratory|lab|clinic|media|press|television|radio|agency's|"
      "embassy|consulate|chiefs|confederation|consortium|cooperative|syndicate|caucus|club|team|council's|inquirer|"
      "gazette|herald|tribune";

const char *const PlaceHeads
    = "province|valley|river|island|islands|mountains|mountain|sea|ocean|street|square|avenue|bridge|airport|county|"
      "district|lake|bay|gulf|peninsula|desert|canal|strait|straits|park|coast|hills|heights|plain|plains|basin|"
      "reservoir|dam|highway|expressway|road|port|harbour|harbor|station|camp|prison|state";

// Lowercase nouns that, just before or after a name, say it is an organisation.
const char *const OrgNouns
    = "company|group|firm|agency|app|platform|regulator|utility|startup|start-up|broadcaster|network|movement|"
      "organisation|organization|institute|lab|maker|carmaker|automaker|retailer|giant|consultancy|federation|"
      "party|watchdog|charity|body|ngo|newspaper|website|airline|insurer|lender|bank|manufacturer|publisher|"
      "developer|provider|operator|exchange|union|association|militia|faction|outfit|conglomerate|brand|"
      "subsidiary|service|site|chain|producer|supplier|think-tank|tank|lobby|coalition";

const char *const PlaceNouns
    = "province|district|state|city|region|river|rivers|basin|reservoir|expressway|valley|county|neighbourhood|"
      "neighborhood|village|town|suburb|capital|area|municipality|island|mountains|border|highway|countryside|"
      "port|metropolis|station|community|neighbourhoods|districts|suburbs|towns|cities|villages|provinces|states";

const char *const PersonNouns
    = "analyst|spokesman|spokeswoman|spokesperson|official|minister|climatologist|scientist|leader|researcher|"
      "professor|economist|lawyer|journalist|resident|farmer|grower|soldier|commander|chief|director|executive|"
      "president|senator|activist|expert|adviser|advisor|engineer|student|teacher|doctor|writer|author|reporter|"
      "secretary|politician|lawmaker|member|founder|owner|diplomat|envoy|ambassador|colleague|son|daughter|wife|"
      "husband|mother|father|brother|sister|man|woman|boy|girl|victim|witness|negotiator|head|chairman|"
      "chairwoman|governor|mayor|candidate|rival|critic|veteran|user|cooperative's";

// Heads of names of laws, treaties and events: named things that are "other".
const char *const OtherHeads = "regulation|act|law|directive|treaty|accord|convention|agreement|cup|games|olympics|"
                               "championship|championships|summit|conference|forum|festival|award|prize|war|protocol";

const char *const Connectors = "of|de|do|da|dos|das|del|della|di|du|van|von|der|den|al|el|bin|ibn|y|and|for|on|la|le";

const char *const Corporate = "inc|inc.|corp|corp.|ltd|ltd.|llc|plc|co.|gmbh|ag|sa|s.a.|nv|n.v.";

QSet<QString> wordSet(const char *list)
{
    QSet<QString> out;
    for (const QString &w : QString::fromUtf8(list).split(u'|', Qt::SkipEmptyParts))
        out.insert(model::nameKey(w));
    return out;
}

} // namespace

const Gazetteer &Gazetteer::instance()
{
    static const Gazetteer g;
    return g;
}

Gazetteer::Gazetteer()
    : m_titles(wordSet(Titles))
    , m_demonyms(wordSet(Demonyms))
    , m_sentenceWords(wordSet(SentenceWords))
    , m_calendar(wordSet(Calendar))
    , m_notNames(wordSet(NotNames))
    , m_orgHeads(wordSet(OrgHeads))
    , m_placeHeads(wordSet(PlaceHeads))
    , m_orgNouns(wordSet(OrgNouns))
    , m_placeNouns(wordSet(PlaceNouns))
    , m_personNouns(wordSet(PersonNouns))
    , m_otherHeads(wordSet(OtherHeads))
    , m_connectors(wordSet(Connectors))
    , m_corporate(wordSet(Corporate))
{
    for (std::size_t i = 0; i < detail::gazetteerPlaceCount; ++i) {
        const QString line = QString::fromUtf8(detail::gazetteerPlaces[i]);
        const qsizetype tab = line.indexOf(u'\t');
        const QString name = tab < 0 ? line : line.left(tab);
        const QString canonical = tab < 0 || tab + 1 == line.size() ? name : line.mid(tab + 1);
        const QString key = model::nameKey(name);
        if (!m_known.contains(key))
            m_known.insert(key, Known{canonical, model::EntityType::Place});
    }
    m_places = m_known.size();
    const QStringList orgs = QString::fromUtf8(Organizations).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : orgs) {
        const qsizetype eq = line.indexOf(u'=');
        const QString name = (eq < 0 ? line : line.left(eq)).trimmed();
        const QString canonical = eq < 0 ? name : line.mid(eq + 1).trimmed();
        m_known.insert(model::nameKey(name), Known{canonical, model::EntityType::Organization});
    }
}

QStringList Gazetteer::keys() const
{
    QSet<QString> all;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it)
        all.insert(it.key());
    for (const QSet<QString> *set : {&m_titles, &m_demonyms, &m_sentenceWords, &m_calendar, &m_notNames, &m_orgHeads,
             &m_placeHeads, &m_orgNouns, &m_placeNouns, &m_personNouns, &m_otherHeads, &m_connectors, &m_corporate})
        all.unite(*set);
    return QStringList(all.cbegin(), all.cend());
}

const Gazetteer::Known *Gazetteer::find(const QString &key) const
{
    const auto it = m_known.constFind(key);
    return it == m_known.cend() ? nullptr : &it.value();
}

} // namespace gloss::extract
