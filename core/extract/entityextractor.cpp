#include "extract/entityextractor.h"

#include "extract/gazetteer.h"
#include "extract/nertagger.h"
#include "model/namekey.h"

#include <QSet>

#include <algorithm>
#include <span>
#include <vector>

namespace gloss::extract {

using model::EntityType;
using model::FoundEntity;
using model::FoundMention;
using model::nameKey;

namespace {

struct Token
{
    enum Kind { Word, Punct, Break };
    qsizetype start = 0;
    qsizetype end = 0;
    Kind kind = Punct;
    QString key;
    QChar punct;
    bool cap = false;
    bool allCaps = false;
    bool possessive = false;
    bool sentenceStart = false;
    bool tag = false; // a hashtag or handle
    bool digit = false; // starts with a digit
    bool lowerHyphen = false; // "US-led": a name with a lowercase suffix, which is not part of it
    bool capitalLine = false; // on a line written all in capitals
    bool tableLine = false; // on a row of a table (indented, or columns apart by spaces) or its heading
    qsizetype nameEnd = 0; // where the name part ends ("US" in "US-led")
};

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == u'\u2019';
}

bool isDash(QChar c)
{
    return c == u'-' || c == u'\u2013' || c == u'\u2014';
}

bool wordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing
        || c.category() == QChar::Mark_SpacingCombining;
}

const QSet<QString> &abbreviations()
{
    static const QSet<QString> set = {QStringLiteral("mr"), QStringLiteral("mrs"), QStringLiteral("ms"),
        QStringLiteral("dr"), QStringLiteral("gen"), QStringLiteral("sen"), QStringLiteral("rep"), QStringLiteral("st"),
        QStringLiteral("jr"), QStringLiteral("sr"), QStringLiteral("inc"), QStringLiteral("corp"),
        QStringLiteral("ltd"), QStringLiteral("co"), QStringLiteral("lt"), QStringLiteral("col"),
        QStringLiteral("capt"), QStringLiteral("gov"), QStringLiteral("prof"), QStringLiteral("rev"),
        QStringLiteral("vs"), QStringLiteral("sgt"), QStringLiteral("no")};
    return set;
}

// A word of lowercase ASCII letters and digits is its own key: it is read in place, without a copy
// (the text outlives the reading).
bool plainKey(const QString &s, qsizetype from, qsizetype to)
{
    for (qsizetype k = from; k < to; ++k) {
        const char16_t c = s.at(k).unicode();
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')))
            return false;
    }
    return to > from;
}

// model::nameKey of an ASCII word, written at the end of `keys` (which never reallocates: its
// capacity is the text's length and a word's key is no longer than the word) and read in place;
// a null string if the word is not ASCII.
QString asciiKey(QStringView word, QString &keys)
{
    for (const QChar c : word)
        if (c.unicode() >= 0x80)
            return {};
    const qsizetype from = keys.size();
    bool space = false;
    for (const QChar c : word) {
        const char16_t u = c.unicode();
        if (u == u'.')
            continue;
        if (u == u' ' || u == u'\t' || u == u'\n' || u == u'\r') {
            space = keys.size() > from;
            continue;
        }
        if (space) {
            keys.append(u' ');
            space = false;
        }
        keys.append(QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u));
    }
    qsizetype length = keys.size() - from;
    if (length >= 2 && keys.at(keys.size() - 2) == u'\'' && keys.at(keys.size() - 1) == u's')
        length -= 2;
    keys.truncate(from + length);
    // An empty key, as nameKey gives, must not read as a null one.
    return length == 0 ? QStringLiteral("") : QString::fromRawData(keys.constData() + from, length);
}

// `keys` holds the keys of the tokens that are not plain lowercase words, which point into it: it
// must outlive them.
QList<Token> tokenize(const QString &s, QString &keys)
{
    QList<Token> out;
    const qsizetype n = s.size();
    out.reserve(n / 4 + 16); // about one token in five characters of news text: no reallocation
    keys.clear();
    keys.reserve(n);
    const QChar *const keysData = keys.constData();
    bool atStart = true;
    qsizetype i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        if (c == u'\n') {
            Token t;
            t.kind = Token::Break;
            t.start = i;
            t.end = i + 1;
            out.append(std::move(t));
            atStart = true;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (!wordChar(c)) {
            Token t;
            t.kind = Token::Punct;
            t.start = i;
            t.end = i + 1;
            t.punct = c;
            if (c == u'.' || c == u'!' || c == u'?' || c == u':')
                atStart = true;
            else if ((c == u'"' || c == u'\u201c') && (i == 0 || s.at(i - 1).isSpace()))
                atStart = true;
            else if (c == u',' || c == u';')
                atStart = false;
            out.append(std::move(t));
            ++i;
            continue;
        }
        Token t;
        t.kind = Token::Word;
        t.start = i;
        qsizetype j = i;
        // Initials written with dots: "U.S.", "U.K.", "U.S.A."
        if (c.isUpper() && i + 3 < n + 0 && s.at(i + 1) == u'.' && s.at(i + 2).isUpper() && s.at(i + 3) == u'.') {
            while (j + 1 < n && s.at(j).isUpper() && s.at(j + 1) == u'.')
                j += 2;
        } else {
            while (j < n) {
                const QChar d = s.at(j);
                if (wordChar(d)) {
                    ++j;
                } else if ((d == u'-' || d == u'\u2011') && j + 1 < n && s.at(j + 1).isLetterOrNumber()) {
                    ++j;
                } else if (isApostrophe(d) && j + 1 < n && s.at(j + 1).isLetter()) {
                    if ((s.at(j + 1) == u's' || s.at(j + 1) == u'S') && (j + 2 >= n || !s.at(j + 2).isLetter()))
                        break;
                    ++j;
                } else {
                    break;
                }
            }
            if (j < n && s.at(j) == u'.') {
                const QString bare = s.mid(i, j - i).toLower();
                if (abbreviations().contains(bare) || (j - i == 1 && c.isUpper()))
                    ++j;
            }
        }
        t.end = j;
        t.nameEnd = j;
        const QStringView text = QStringView(s).mid(i, j - i);
        t.cap = c.isUpper() || c.isTitleCase();
        t.digit = c.isDigit();
        int letters = 0;
        bool upper = true;
        for (const QChar x : text) {
            if (x.isLetter()) {
                ++letters;
                if (!x.isUpper())
                    upper = false;
            }
        }
        t.allCaps = upper && letters >= 2;
        if (t.cap) {
            const qsizetype hyphen = text.indexOf(u'-');
            if (hyphen > 0 && hyphen + 1 < text.size() && text.at(hyphen + 1).isLower()) {
                t.lowerHyphen = true;
                t.nameEnd = i + hyphen;
            }
        }
        if (plainKey(s, i, t.nameEnd)) {
            t.key = QString::fromRawData(s.constData() + i, t.nameEnd - i);
        } else {
            const QStringView name = QStringView(s).mid(i, t.nameEnd - i);
            t.key = asciiKey(name, keys);
            if (t.key.isNull())
                t.key = nameKey(name);
        }
        if (i > 0 && (s.at(i - 1) == u'#' || s.at(i - 1) == u'@'))
            t.tag = true;
        if (j < n && isApostrophe(s.at(j))) {
            if (j + 1 < n && (s.at(j + 1) == u's' || s.at(j + 1) == u'S') && (j + 2 >= n || !s.at(j + 2).isLetter())) {
                t.possessive = true;
                j += 2;
            } else if (text.endsWith(u's') && (j + 1 >= n || !s.at(j + 1).isLetter())) {
                t.possessive = true;
                j += 1;
            }
        }
        t.sentenceStart = atStart;
        atStart = false;
        out.append(std::move(t));
        i = j;
    }
    Q_ASSERT(keys.constData() == keysData);
    Q_UNUSED(keysData);
    return out;
}

struct Candidate
{
    qsizetype start = 0;
    qsizetype end = 0;
    int first = 0; // token indices, inclusive
    int last = 0;
    EntityType type = EntityType::Other;
    int strength = 0; // 0 unknown, 1 a guess from the shape, 2 known or told by a title, head or gazetteer
    QString canonical;
    bool sentenceStart = false;
    bool recognised = false; // found by the statistical recogniser, not the rules
    bool byPreposition = false; // a place only because "in", "from" or "near" comes before it
    bool unconfirmed = false; // a rules' guess the recogniser did not find: kept if the article confirms it
};

class Reader
{
public:
    Reader(const QString &text, const QHash<QString, std::pair<QString, EntityType>> &known)
        : m_text(text)
        , m_known(known)
        , m_g(Gazetteer::instance())
        , m_tokens(tokenize(text, m_keys))
    { }

    QList<FoundEntity> run();

private:
    const Token &tok(int i) const { return m_tokens.at(i); }
    bool isWord(int i) const { return i >= 0 && i < m_tokens.size() && tok(i).kind == Token::Word; }
    bool isNameWord(int i) const { return isWord(i) && tok(i).cap && !tok(i).tag && !tok(i).digit; }
    QString keyOf(int first, int last) const;
    QString textOf(int first, int last) const;
    std::optional<std::pair<QString, EntityType>> lookup(const QString &key) const;

    int dateline();
    void scan(int from);
    // The statistical recogniser over the sentences from token `from`: its names join the rules'
    // confident ones (gazetteer, titles, heads, context) and replace their guesses.
    void recognise(int from);
    void recogniseSentence(std::span<const int> indices);
    // The rules' names and the recogniser's in one list: of names that overlap, the longer wins; of
    // two with the same span, the rules' confident type unless the recogniser saw a name the
    // gazetteer types by habit used otherwise (a county's cricket team); the rules' guesses only
    // where the recogniser found nothing.
    void arbitrate();
    // Marks the words of lines written all in capitals (headlines, table headings): there the
    // rules, which read capitals, cannot tell a name from a word. And the rows of tables with their
    // headings, where a name is one the article names elsewhere or the gazetteer knows.
    void markLines();
    // Agency sign-offs and credits, state and month abbreviations alone, the words of financial
    // tables and single letters are not names.
    void dropJunk();
    bool isJunkWord(int i) const;
    void segment(int first, int last);
    void classify(int first, int last);
    void emit(int first, int last, EntityType type, int strength, const QString &canonical = {});
    // Lowercase words before/after a token, stepping over at most one comma; empty at punctuation.
    QStringList wordsBefore(int i, int count) const;
    QStringList wordsAfter(int i, int count) const;
    std::optional<EntityType> contextType(const Candidate &c) const;
    // The rules' guesses that the words around them confirm ("the company Sabesp", "in Itaquera").
    void confirmByContext();
    void taughtNames();
    void resolve();
    QList<FoundEntity> group() const;

    const QString &m_text;
    const QHash<QString, std::pair<QString, EntityType>> &m_known;
    const Gazetteer &m_g;
    QString m_keys; // before m_tokens, whose keys point into it
    QList<Token> m_tokens;
    QList<Candidate> m_found;
    QList<Candidate> m_recognised;
    int m_datelineEnd = 0;
};

QString Reader::keyOf(int first, int last) const
{
    return nameKey(QStringView(m_text).mid(tok(first).start, tok(last).nameEnd - tok(first).start));
}

QString Reader::textOf(int first, int last) const
{
    return m_text.mid(tok(first).start, tok(last).nameEnd - tok(first).start);
}

std::optional<std::pair<QString, EntityType>> Reader::lookup(const QString &key) const
{
    const auto it = m_known.constFind(key);
    if (it != m_known.cend())
        return it.value();
    if (const Gazetteer::Known *k = m_g.find(key))
        return std::make_pair(k->canonical, k->type);
    return std::nullopt;
}

void Reader::emit(int first, int last, EntityType type, int strength, const QString &canonical)
{
    Candidate c;
    c.first = first;
    c.last = last;
    c.start = tok(first).start;
    c.end = tok(last).nameEnd;
    c.type = type;
    c.strength = strength;
    c.canonical = canonical.isEmpty() ? textOf(first, last) : canonical;
    c.sentenceStart = tok(first).sentenceStart;
    m_found.append(c);
}

QStringList Reader::wordsBefore(int i, int count) const
{
    QStringList out;
    bool comma = false;
    for (int k = i - 1; k >= 0 && out.size() < count; --k) {
        const Token &t = tok(k);
        if (t.kind == Token::Word) {
            out.append(t.key);
            if (t.possessive && k != i - 1)
                break;
        } else if (t.kind == Token::Punct && t.punct == u',' && !comma && out.isEmpty()) {
            comma = true;
        } else {
            break;
        }
    }
    return out;
}

QStringList Reader::wordsAfter(int i, int count) const
{
    QStringList out;
    for (int k = i + 1; k < m_tokens.size() && out.size() < count; ++k) {
        const Token &t = tok(k);
        if (t.kind != Token::Word)
            break;
        out.append(t.key);
        if (t.possessive)
            break;
    }
    return out;
}

int Reader::dateline()
{
    // "WASHINGTON:", "KABUL, Afghanistan (Reuters) -", "ISLAMABAD, June 9 (AP) —", "SÃO PAULO (AFP) -"
    int i = 0;
    while (i < m_tokens.size() && tok(i).kind == Token::Break)
        ++i;
    const int placeFirst = i;
    while (isWord(i) && tok(i).allCaps && !tok(i).digit)
        ++i;
    if (i == placeFirst || i - placeFirst > 4)
        return 0;
    const int placeLast = i - 1;
    struct Part
    {
        int first, last;
        EntityType type;
    };
    QList<Part> parts{{placeFirst, placeLast, EntityType::Place}};
    int guard = 0;
    while (i < m_tokens.size() && guard++ < 16) {
        const Token &t = tok(i);
        if (t.kind == Token::Break)
            return 0;
        if (t.kind == Token::Punct && (t.punct == u':' || isDash(t.punct))) {
            // "SOCCER - JAPAN GET LUCKY WIN": a headline in capitals, not a dateline.
            if (i + 1 < m_tokens.size() && tok(i + 1).capitalLine)
                return 0;
            for (const Part &p : std::as_const(parts)) {
                const QString key = keyOf(p.first, p.last);
                const auto known = lookup(key);
                QString canonical = known ? known->first : QString();
                if (canonical.isEmpty() && tok(p.first).allCaps) {
                    const QString raw = textOf(p.first, p.last).toLower();
                    QStringList words = raw.split(u' ');
                    for (QString &w : words)
                        if (!w.isEmpty())
                            w[0] = w.at(0).toUpper();
                    canonical = words.join(u' ');
                }
                // The dateline's place is a place, whatever else the name may be.
                emit(p.first, p.last, p.type, 2, canonical);
            }
            m_datelineEnd = i + 1;
            if (i + 1 < m_tokens.size())
                m_tokens[i + 1].sentenceStart = true;
            return i + 1;
        }
        if (t.kind == Token::Punct && t.punct == u',') {
            ++i;
            if (isWord(i) && m_g.isCalendarWord(tok(i).key)) {
                while (isWord(i) && (tok(i).digit || m_g.isCalendarWord(tok(i).key)))
                    ++i;
                continue;
            }
            const int first = i;
            while (isNameWord(i) || (isWord(i) && m_g.isConnector(tok(i).key) && isNameWord(i + 1)))
                ++i;
            if (i == first)
                return 0;
            parts.append({first, i - 1, EntityType::Place});
            // "STAMFORD, Conn., March 3 -": a state's abbreviation with its dot.
            if (i < m_tokens.size() && tok(i).kind == Token::Punct && tok(i).punct == u'.')
                ++i;
            continue;
        }
        if (t.kind == Token::Punct && t.punct == u'(') {
            const int first = ++i;
            while (isWord(i))
                ++i;
            if (i == first || i >= m_tokens.size() || tok(i).punct != u')')
                return 0;
            parts.append({first, i - 1, EntityType::Organization});
            ++i;
            continue;
        }
        return 0;
    }
    return 0;
}

void Reader::scan(int from)
{
    int i = from;
    const int n = int(m_tokens.size());
    while (i < n) {
        const bool particle = isWord(i) && !tok(i).cap && (tok(i).key == u"al" || tok(i).key == u"el")
            && isNameWord(i + 1) && !tok(i).possessive;
        if (!isNameWord(i) && !particle) {
            ++i;
            continue;
        }
        int j = i;
        while (!tok(j).possessive && !tok(j).lowerHyphen) {
            if (isNameWord(j + 1)) {
                ++j;
            } else if (isWord(j + 1) && !tok(j + 1).cap && m_g.isConnector(tok(j + 1).key) && isNameWord(j + 2)
                && !tok(j + 1).possessive) {
                j += 2;
            } else {
                break;
            }
        }
        segment(i, j);
        i = j + 1;
    }
}

void Reader::segment(int first, int last)
{
    // Calendar words and holidays split a run and are dropped.
    for (int k = first; k <= last; ++k) {
        // Two-word holidays start with one of these ("New Year", "Eid al-Fitr", "Eid Mubarak").
        const bool pair
            = k < last && (tok(k).key == u"new" || tok(k).key == u"eid") && m_g.isCalendarWord(keyOf(k, k + 1));
        if (pair || m_g.isCalendarWord(tok(k).key)) {
            const int skip = pair ? 1 : 0;
            if (k > first)
                segment(first, k - 1);
            if (k + skip < last)
                segment(k + skip + 1, last);
            return;
        }
    }
    // A sentence-initial function word is not part of the name ("The", "Even", "Without").
    // So is a job description opening it ("Climatologist Luíza Gonçalves").
    while (first <= last && tok(first).sentenceStart
        && (m_g.isSentenceWord(tok(first).key)
            || (first < last && m_g.isPersonNoun(tok(first).key) && !m_g.isTitle(tok(first).key)))) {
        ++first;
        if (first <= last)
            m_tokens[first].sentenceStart = true;
    }
    while (first <= last && !tok(first).cap && m_g.isConnector(tok(first).key) && tok(first).key != u"al"
        && tok(first).key != u"el")
        ++first;
    while (last >= first && !tok(last).cap)
        --last;
    if (first > last)
        return;
    // Known as a whole: the gazetteer, the researcher's names.
    if (lookup(keyOf(first, last))) {
        classify(first, last);
        return;
    }
    // "of", "and", "for", "on" join only names shaped like organisations ("University of São Paulo",
    // "House Energy and Commerce Committee"); elsewhere they separate two names ("Ruth Calloway of Oregon").
    const bool orgShaped = m_g.isOrganizationHead(tok(last).key);
    for (int k = first + 1; k < last; ++k) {
        const QString &key = tok(k).key;
        if (tok(k).cap || !(key == u"of" || key == u"and" || key == u"for" || key == u"on"))
            continue;
        const QString &before = tok(k - 1).key;
        // "Amerifirst Holdings Inc of Miami": after a company's suffix, "of" says where it is.
        const bool keep = key == u"of"
            ? (m_g.isOrganizationHead(before) || m_g.isTitle(before)) && !m_g.isCorporateSuffix(before)
            : orgShaped;
        if (!keep) {
            segment(first, k - 1);
            segment(k + 1, last);
            return;
        }
    }
    classify(first, last);
}

void Reader::classify(int first, int last)
{
    const QString whole = keyOf(first, last);
    if (const auto known = lookup(whole)) {
        emit(first, last, known->second, 2, known->first);
        return;
    }
    if (first < last && tok(first).key == u"greater" && lookup(keyOf(first + 1, last))) {
        emit(first, last, EntityType::Place, 2);
        return;
    }

    // "University of São Paulo", "US Chamber of Commerce", "National Association of Manufacturers"
    // (but "Bank of Japan Governor Satoshi" is an organisation, a title and a person).
    bool titleAfterOf = false;
    for (int k = first + 1; k <= last; ++k)
        titleAfterOf = titleAfterOf || (m_g.isTitle(tok(k).key) && tok(k - 1).key != u"of" && k - 1 > first);
    for (int k = first + 1; k < last && !titleAfterOf; ++k) {
        if (tok(k).key == u"of" && !tok(k).cap && m_g.isOrganizationHead(tok(k - 1).key)) {
            emit(first, last, EntityType::Organization, 2);
            return;
        }
    }
    // A place before a known name or a department: "US Senate", "US Midwest", "US Commerce Department"
    // (but "Kabul University" is one name).
    for (int p = first; p < last; ++p) {
        const auto known = lookup(keyOf(first, p));
        if (!known || known->second != EntityType::Place)
            continue;
        const bool restKnown = lookup(keyOf(p + 1, last)).has_value();
        const bool restDepartment = last - p >= 2 && m_g.isOrganizationHead(tok(last).key);
        if (restKnown || restDepartment) {
            emit(first, p, EntityType::Place, 2, known->first);
            classify(p + 1, last);
            return;
        }
    }

    // A name that ends like a law or an organisation is one even when it starts like a title
    // ("General Data Protection Regulation", "Chief Executives Council").
    const QString lastHead = tok(last).key.section(u'-', 0, 0);
    if (first < last && m_g.isOtherHead(lastHead)) {
        emit(first, last, EntityType::Other, 2);
        return;
    }
    if (first < last && m_g.isOrganizationHead(lastHead) && m_g.isTitle(tok(first).key)) {
        emit(first, last, EntityType::Organization, 2);
        return;
    }

    // Titles tell the type of what follows and are not part of it: "Secretary of State Mike Pompeo",
    // "General Qamar Bajwa", "U.S. Secretary of State Mike Pompeo" (a place, then a person).
    int title = -1;
    for (int k = first; k <= last; ++k) {
        const bool secretaryOf = k - 2 >= first && tok(k - 2).key == u"secretary" && tok(k - 1).key == u"of";
        if (m_g.isTitle(tok(k).key) || secretaryOf)
            title = k;
    }
    if (title >= 0) {
        // The longest known name at the start of the title part ("U.S.", "EU") is kept, or an
        // organisation by its shape ("Bank of Japan Governor").
        bool before = false;
        for (int p = title - 1; p >= first && !before; --p) {
            if (const auto known = lookup(keyOf(first, p))) {
                emit(first, p, known->second, 2, known->first);
                before = true;
            }
        }
        if (!before && title - 1 > first) {
            for (int k = first + 1; k < title - 1; ++k) {
                if (tok(k).key == u"of" && !tok(k).cap && m_g.isOrganizationHead(tok(k - 1).key)) {
                    emit(first, title - 1, EntityType::Organization, 2);
                    break;
                }
            }
        }
        if (title < last) {
            int nameFirst = title + 1;
            while (nameFirst <= last && m_g.isTitle(tok(nameFirst).key))
                ++nameFirst;
            if (nameFirst <= last) {
                const QString key = keyOf(nameFirst, last);
                if (const auto known = lookup(key))
                    emit(nameFirst, last, known->second, 2, known->first);
                else
                    emit(nameFirst, last, EntityType::Person, 2);
            }
        }
        return;
    }

    // A leading demonym: "European Parliament" is a name, "Afghan President" and "Spanish" are not;
    // "Afghan government" is an organisation.
    if (m_g.isDemonym(tok(first).key)) {
        if (first < last && m_g.isOrganizationHead(tok(last).key)) {
            emit(first, last, EntityType::Organization, 2);
            return;
        }
        if (first == last) {
            if (isWord(last + 1) && !tok(last).possessive
                && (tok(last + 1).key == u"government" || tok(last + 1).key == u"administration")) {
                emit(first, last + 1, EntityType::Organization, 2);
            }
            return;
        }
        segment(first + 1, last);
        return;
    }
    if (first == last && (m_g.isNotAName(tok(first).key) || m_g.isDemonym(tok(first).key)))
        return;

    // "Pakistan Muslim League-Nawaz": a hyphenated last word has its head first.
    const QString head = tok(last).key.section(u'-', 0, 0);
    if (first < last && m_g.isOtherHead(head)) {
        emit(first, last, EntityType::Other, 2);
        return;
    }
    if (m_g.isCorporateSuffix(head) && first < last) {
        // "Corvane Inc" is Corvane; "Canada Inc" is not Canada, and keeps its suffix so that it is
        // never taken for the place.
        const auto rest = lookup(keyOf(first, last - 1));
        const bool place = rest && rest->second == EntityType::Place;
        emit(first, last, EntityType::Organization, 2, place ? textOf(first, last) : textOf(first, last - 1));
        return;
    }
    if (m_g.isOrganizationHead(head) && (first < last || !tok(first).sentenceStart)) {
        emit(first, last, EntityType::Organization, 2);
        return;
    }
    if (first < last && m_g.isPlaceHead(head) && head != u"state") {
        emit(first, last, EntityType::Place, 2);
        return;
    }
    // "Trump administration", "Haqqani network": a name and a lowercase organisation head.
    if (isWord(last + 1) && !tok(last).possessive && !tok(last + 1).cap) {
        const QString &next = tok(last + 1).key;
        if (next == u"administration" || next == u"government" || (next == u"network" && first == last)) {
            emit(first, last + 1, EntityType::Organization, 2);
            return;
        }
    }
    if (first == last && tok(first).allCaps && !tok(first).sentenceStart) {
        emit(first, last, EntityType::Organization, 2);
        return;
    }
    if (first == last && tok(first).allCaps) {
        emit(first, last, EntityType::Organization, 1);
        return;
    }
    emit(first, last, first < last ? EntityType::Person : EntityType::Other, first < last ? 1 : 0);
}

std::optional<EntityType> Reader::contextType(const Candidate &c) const
{
    const bool single = c.first == c.last;
    // A capitalised word opening a sentence may be any word: only close context counts for it.
    const bool opening = single && c.sentenceStart;
    const QStringList before = wordsBefore(c.first, 3);
    const bool commaBefore = c.first > 0 && tok(c.first - 1).kind == Token::Punct;
    const QStringList after = tok(c.last).possessive ? QStringList() : wordsAfter(c.last, 2);
    // "the company Sabesp", "consumer rights group Idec", "an outside firm, Mandiant"
    if (!before.isEmpty() && m_g.isOrganizationNoun(before.first()) && (single || !commaBefore))
        return EntityType::Organization;
    // "the Cantareira reservoir system", "Logar province", "the Tietê and Pinheiros rivers", "the Brás railway station"
    if (!after.isEmpty()) {
        if (m_g.isPlaceNoun(after.first())
            || (!opening && after.size() > 1 && m_g.isPlaceNoun(after.at(1)) && !m_g.isPersonNoun(after.first())))
            return EntityType::Place;
        if (after.first() == u"and" && c.last + 3 < m_tokens.size() && isNameWord(c.last + 2)) {
            const QStringList further = wordsAfter(c.last + 2, 1);
            if (!further.isEmpty() && m_g.isPlaceNoun(further.first()))
                return EntityType::Place;
        }
        if (m_g.isOrganizationNoun(after.first())
            || (!opening && after.size() > 1 && m_g.isOrganizationNoun(after.at(1))))
            return EntityType::Organization;
        // "Corvane chief executive Daniel Okafor", "Taliban spokesman"
        if (single
            && (after.first() == u"chief" || after.first() == u"executive" || after.first() == u"spokesman"
                || after.first() == u"spokeswoman" || after.first() == u"officials" || after.first() == u"users"
                || after.first() == u"shares" || after.first() == u"employees"))
            return EntityType::Organization;
    }
    // "Sabesp's director of operations", "Corvane's chief privacy officer"
    if (single && tok(c.last).possessive) {
        const QStringList next = wordsAfter(c.last, 2);
        for (const QString &w : next)
            if (w == u"chief" || w == u"director" || w == u"executive" || w == u"headquarters" || w == u"users"
                || w == u"shares" || w == u"board" || w == u"spokesman" || w == u"spokeswoman" || w == u"employees")
                return EntityType::Organization;
    }
    // "district of Itaquera", "in Brasilândia", "from Kandahar"
    if (before.size() >= 2 && before.first() == u"of" && m_g.isPlaceNoun(before.at(1)))
        return EntityType::Place;
    if (!before.isEmpty() && !commaBefore
        && (before.first() == u"in" || before.first() == u"near" || before.first() == u"from"
            || before.first() == u"outside" || before.first() == u"across"))
        return EntityType::Place;
    // An apposition: "Jardim Pantanal, a neighbourhood", "BusinessEurope, the main employers' federation"
    const int k = c.last + 1;
    if (k < m_tokens.size() && tok(k).kind == Token::Punct && tok(k).punct == u',') {
        QStringList words;
        for (int w = k + 1; w < m_tokens.size() && words.size() < 6 && tok(w).kind == Token::Word; ++w)
            words.append(tok(w).cap ? QString() : tok(w).key);
        if (!words.isEmpty() && (words.first() == u"a" || words.first() == u"an" || words.first() == u"the")) {
            for (const QString &w : std::as_const(words))
                if (m_g.isPersonNoun(w))
                    return EntityType::Person;
            for (const QString &w : std::as_const(words)) {
                if (m_g.isPlaceNoun(w))
                    return EntityType::Place;
                if (m_g.isOrganizationNoun(w))
                    return EntityType::Organization;
            }
        }
    }
    return std::nullopt;
}

void Reader::confirmByContext()
{
    // What the words around a name not known otherwise say about it.
    for (Candidate &c : m_found) {
        if (c.strength == 2 || c.recognised)
            continue;
        if (const auto ctx = contextType(c)) {
            c.type = *ctx;
            c.strength = 2;
            const QStringList before = wordsBefore(c.first, 1);
            c.byPreposition = *ctx == EntityType::Place && !before.isEmpty()
                && (before.first() == u"in" || before.first() == u"near" || before.first() == u"from"
                    || before.first() == u"outside" || before.first() == u"across");
        }
    }
}

void Reader::resolve()
{
    // What the article itself establishes: each name's type, a person's surname, an organisation's
    // acronym. Strong findings teach the weak ones.
    QHash<QString, std::pair<QString, EntityType>> taught;
    QHash<QString, QString> persons; // surname or first-and-last key -> full name
    for (int pass = 0; pass < 2; ++pass) {
        for (const Candidate &c : std::as_const(m_found)) {
            if (c.strength != 2 - pass || c.unconfirmed)
                continue;
            const QString key = keyOf(c.first, c.last);
            if (!taught.contains(key))
                taught.insert(key, {c.canonical, c.type});
            const QString canonicalKey = nameKey(c.canonical);
            if (canonicalKey != key && !taught.contains(canonicalKey))
                taught.insert(canonicalKey, {c.canonical, c.type});
            if (c.type == EntityType::Person && c.last > c.first) {
                const QString surname = tok(c.last).key;
                if (!persons.contains(surname))
                    persons.insert(surname, c.canonical);
                const QString firstLast = tok(c.first).key + u' ' + surname;
                if (!persons.contains(firstLast) || c.last - c.first > 1)
                    persons.insert(firstLast, c.canonical);
            }
            if (c.type == EntityType::Organization && c.last > c.first) {
                QString initials;
                for (int k = c.first; k <= c.last; ++k)
                    if (tok(k).cap)
                        initials += tok(k).key.at(0);
                if (initials.size() >= 2 && !taught.contains(initials))
                    taught.insert(initials, {c.canonical, c.type});
            }
        }
    }
    QList<Candidate> kept;
    for (int i = 0; i < m_found.size(); ++i) {
        Candidate c = m_found.at(i);
        const QString key = keyOf(c.first, c.last);
        if (c.strength < 2) {
            const auto t = taught.constFind(key);
            // "Later Pompeo called Bajwa": the recogniser's lone surname is the person named in
            // full before, whatever it taught itself.
            const bool surname = c.recognised && c.first == c.last && persons.contains(key)
                && (t == taught.cend() || t->first == c.canonical);
            if (surname) {
                c.type = EntityType::Person;
                c.strength = 2;
            } else if (t != taught.cend()
                && (t->second != EntityType::Person || c.first == c.last || t->first != c.canonical)) {
                c.type = t->second;
                c.canonical = t->first;
                c.strength = 2;
            } else if (c.first == c.last && persons.contains(key)) {
                c.type = EntityType::Person;
                c.strength = 2;
            } else if (c.first == c.last && !kept.isEmpty() && c.first >= 2 && kept.last().last == c.first - 2
                && (tok(c.first - 1).key == u"and" || tok(c.first - 1).key == u"or"
                    || tok(c.first - 1).punct == u',')) {
                // "in Itaquera and Guaianases": a list keeps its type.
                c.type = kept.last().type;
                c.strength = 2;
            }
        }
        if (c.strength == 0 && c.sentenceStart)
            continue;
        if (c.unconfirmed && c.strength < 2)
            continue;
        if (c.type == EntityType::Person) {
            if (c.first == c.last) {
                const auto p = persons.constFind(key);
                if (p != persons.cend())
                    c.canonical = p.value();
            } else {
                const auto p = persons.constFind(tok(c.first).key + u' ' + tok(c.last).key);
                if (p != persons.cend())
                    c.canonical = p.value();
            }
        }
        kept.append(c);
    }
    m_found = kept;
}

QList<FoundEntity> Reader::group() const
{
    QList<FoundEntity> out;
    QHash<QString, qsizetype> index;
    for (const Candidate &c : m_found) {
        const QString key = QString::number(int(c.type)) + u'|' + nameKey(c.canonical);
        qsizetype at = index.value(key, -1);
        if (at < 0) {
            at = out.size();
            index.insert(key, at);
            FoundEntity e;
            e.name = c.canonical;
            e.type = c.type;
            out.append(e);
        }
        out[at].mentions.append(FoundMention{c.start, c.end, m_text.mid(c.start, c.end - c.start), {}});
    }
    return out;
}

void Reader::taughtNames()
{
    // Names the researcher taught are found however they are written, lowercase included.
    if (m_known.isEmpty())
        return;
    QSet<QString> firstWords;
    int longest = 1;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        const QStringList words = it.key().split(u' ');
        firstWords.insert(words.first());
        longest = std::max(longest, int(words.size()));
    }
    QList<std::pair<qsizetype, qsizetype>> taken;
    for (const Candidate &c : std::as_const(m_found))
        taken.append({c.start, c.end});
    const int n = int(m_tokens.size());
    for (int i = 0; i < n; ++i) {
        if (!isWord(i) || !firstWords.contains(tok(i).key))
            continue;
        for (int last = std::min(n - 1, i + longest - 1); last >= i; --last) {
            if (!isWord(last))
                continue;
            const auto it = m_known.constFind(keyOf(i, last));
            if (it == m_known.cend())
                continue;
            // "us" is not "US": lowercase text matches only names the researcher wrote in lowercase.
            if (!tok(i).cap && (it->first.isEmpty() || !it->first.at(0).isLower()))
                continue;
            const qsizetype start = tok(i).start;
            const qsizetype end = tok(last).nameEnd;
            const bool overlaps = std::any_of(
                taken.cbegin(), taken.cend(), [&](const auto &t) { return start < t.second && t.first < end; });
            if (!overlaps) {
                emit(i, last, it->second, 2, it->first);
                taken.append({start, end});
            }
            i = last;
            break;
        }
    }
    std::sort(m_found.begin(), m_found.end(), [](const Candidate &a, const Candidate &b) { return a.start < b.start; });
}

namespace {

EntityType typeOfTag(NerTag tag)
{
    switch (tag) {
    case NerTag::BPer:
    case NerTag::IPer:
        return EntityType::Person;
    case NerTag::BOrg:
    case NerTag::IOrg:
        return EntityType::Organization;
    case NerTag::BLoc:
    case NerTag::ILoc:
        return EntityType::Place;
    default:
        return EntityType::Other;
    }
}

bool isInside(NerTag tag)
{
    return tag == NerTag::IPer || tag == NerTag::IOrg || tag == NerTag::ILoc || tag == NerTag::IMisc;
}

// The words of financial tables in wire copy: "Shr 1.20 dlrs vs 1.10", "Qtly div 12 cts", "Oper
// net", "Avg shrs", "Revs 12.3 mln".
const QSet<QString> &tableWords()
{
    static const QSet<QString> set = {QStringLiteral("shr"), QStringLiteral("shrs"), QStringLiteral("qtly"),
        QStringLiteral("oper"), QStringLiteral("revs"), QStringLiteral("rev"), QStringLiteral("avg"),
        QStringLiteral("mln"), QStringLiteral("mlns"), QStringLiteral("bln"), QStringLiteral("dlrs"),
        QStringLiteral("dlr"), QStringLiteral("pct"), QStringLiteral("cts"), QStringLiteral("ct"),
        QStringLiteral("div"), QStringLiteral("qtr"), QStringLiteral("mths"), QStringLiteral("mth"),
        QStringLiteral("yr"), QStringLiteral("yrs"), QStringLiteral("vs"), QStringLiteral("net"),
        QStringLiteral("shrs"), QStringLiteral("dil"), QStringLiteral("prev"), QStringLiteral("pay"),
        QStringLiteral("record"), QStringLiteral("payable"), QStringLiteral("stg"), QStringLiteral("nil")};
    return set;
}

// US state abbreviations as news agencies write them ("Fla.", "Conn.", "N.J."), and months'.
const QSet<QString> &abbreviationsAlone()
{
    static const QSet<QString> set = {QStringLiteral("ala"), QStringLiteral("ariz"), QStringLiteral("ark"),
        QStringLiteral("calif"), QStringLiteral("colo"), QStringLiteral("conn"), QStringLiteral("del"),
        QStringLiteral("fla"), QStringLiteral("ga"), QStringLiteral("ill"), QStringLiteral("ind"),
        QStringLiteral("kan"), QStringLiteral("kans"), QStringLiteral("ky"), QStringLiteral("la"), QStringLiteral("md"),
        QStringLiteral("mass"), QStringLiteral("mich"), QStringLiteral("minn"), QStringLiteral("miss"),
        QStringLiteral("mo"), QStringLiteral("mont"), QStringLiteral("neb"), QStringLiteral("nebr"),
        QStringLiteral("nev"), QStringLiteral("nh"), QStringLiteral("nj"), QStringLiteral("nm"), QStringLiteral("ny"),
        QStringLiteral("nc"), QStringLiteral("nd"), QStringLiteral("okla"), QStringLiteral("ore"), QStringLiteral("pa"),
        QStringLiteral("ri"), QStringLiteral("sc"), QStringLiteral("sd"), QStringLiteral("tenn"), QStringLiteral("tex"),
        QStringLiteral("va"), QStringLiteral("vt"), QStringLiteral("wash"), QStringLiteral("wis"),
        QStringLiteral("wisc"), QStringLiteral("wva"), QStringLiteral("wyo"), QStringLiteral("jan"),
        QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"), QStringLiteral("jun"),
        QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"), QStringLiteral("sept"),
        QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    return set;
}

// News agencies: their names sign a story off ("Reuter" on its last line) and credit it in the
// dateline ("(AP)").
const QSet<QString> &agencies()
{
    static const QSet<QString> set = {QStringLiteral("reuter"), QStringLiteral("reuters"), QStringLiteral("ap"),
        QStringLiteral("afp"), QStringLiteral("upi"), QStringLiteral("dpa"), QStringLiteral("ansa"),
        QStringLiteral("efe"), QStringLiteral("xinhua"), QStringLiteral("kyodo"), QStringLiteral("tass"),
        QStringLiteral("itar-tass"), QStringLiteral("aap"), QStringLiteral("pti"), QStringLiteral("ips")};
    return set;
}

} // namespace

void Reader::recognise(int from)
{
    const NerTagger &tagger = NerTagger::instance();
    if (!tagger.isLoaded() || from >= m_tokens.size())
        return;
    thread_local std::vector<int> sentence;
    sentence.clear();
    const int n = int(m_tokens.size());
    qsizetype lineStart = m_text.lastIndexOf(u'\n', tok(from).start) + 1;
    for (int i = from; i < n; ++i) {
        const Token &t = tok(i);
        if (t.kind == Token::Break) {
            // A line break inside a paragraph is a space: a name broken across it is read whole.
            // A blank line, an indented line or the end of a short line (a table's row, a heading)
            // ends the sentence.
            const qsizetype lineLength = t.start - lineStart;
            lineStart = t.end;
            const bool blank = i + 1 < n && tok(i + 1).kind == Token::Break;
            const bool indented = t.end < m_text.size() && m_text.at(t.end).isSpace();
            if (blank || indented || lineLength < 40) {
                recogniseSentence(sentence);
                sentence.clear();
            }
            continue;
        }
        sentence.push_back(i);
        if (t.kind == Token::Punct && (t.punct == u'.' || t.punct == u'!' || t.punct == u'?')) {
            recogniseSentence(sentence);
            sentence.clear();
        }
    }
    recogniseSentence(sentence);
    sentence.clear();

    arbitrate();
}

void Reader::recogniseSentence(std::span<const int> indices)
{
    if (indices.empty())
        return;
    thread_local std::vector<NerToken> tokens;
    thread_local std::vector<NerTag> tags;
    tokens.resize(indices.size());
    tags.resize(indices.size());
    for (std::size_t k = 0; k < indices.size(); ++k) {
        const Token &t = tok(indices[k]);
        tokens[k].text = QStringView(m_text).mid(t.start, t.end - t.start);
        tokens[k].gazetteer = t.kind == Token::Word && t.cap ? nerGazetteerBits(t.key) : 0;
    }
    NerTagger::instance().tag(tokens, tags);
    for (std::size_t k = 0; k < indices.size(); ++k) {
        if (tags[k] == NerTag::O)
            continue;
        const EntityType type = typeOfTag(tags[k]);
        std::size_t last = k;
        while (last + 1 < indices.size() && isInside(tags[last + 1]))
            ++last;
        const int first = indices[k];
        const int lastToken = indices[last];
        k = last;
        if (!isWord(first) || !isWord(lastToken))
            continue;
        bool hashtag = false;
        for (int i = first; i <= lastToken; ++i)
            hashtag = hashtag || tok(i).tag;
        if (hashtag)
            continue;
        if (first == lastToken && type == EntityType::Other) {
            // "Afghan", "Americans": the project does not count demonyms and adjectives as names.
            const QString &key = tok(first).key;
            if (m_g.isDemonym(key) || m_g.isNotAName(key) || (key.endsWith(u's') && m_g.isDemonym(key.chopped(1))))
                continue;
        }
        Candidate c;
        c.first = first;
        c.last = lastToken;
        c.start = tok(first).start;
        c.end = tok(lastToken).nameEnd;
        // A guess the article's own confident names may correct ("Corvane" after "Corvane Inc").
        c.strength = 1;
        c.recognised = true;
        c.sentenceStart = tok(first).sentenceStart;
        if (const auto known = lookup(keyOf(first, lastToken))) {
            c.canonical = known->first;
            c.type = m_known.contains(keyOf(first, lastToken)) ? known->second : type;
        } else {
            c.canonical = textOf(first, lastToken).simplified();
            c.type = type;
        }
        m_recognised.append(c);
    }
}

bool Reader::isJunkWord(int i) const
{
    if (!isWord(i))
        return true; // punctuation inside a span
    const QString &key = tok(i).key;
    return tableWords().contains(key) || (key.size() == 1 && key.at(0).isLetter());
}

void Reader::dropJunk()
{
    const int n = int(m_tokens.size());
    QList<Candidate> kept;
    kept.reserve(m_found.size());
    for (const Candidate &c : std::as_const(m_found)) {
        // A name the researcher taught is always found.
        bool junk = !m_known.contains(keyOf(c.first, c.last));
        for (int k = c.first; k <= c.last && junk; ++k)
            junk = isJunkWord(k);
        if (!junk && c.first == c.last) {
            const QString &key = tok(c.first).key;
            // "Fla." alone, after a city or anywhere: the city is the place.
            if (abbreviationsAlone().contains(key))
                junk = true;
            // A sign-off ends the story; a credit is in its dateline.
            if (agencies().contains(key)) {
                bool wordAfter = false;
                for (int k = c.last + 1; k < n && !wordAfter; ++k)
                    wordAfter = isWord(k);
                // A credit in the dateline ("KABUL (Reuters) -") names the agency and stays.
                junk = !wordAfter && c.first >= m_datelineEnd;
            }
        }
        if (!junk)
            kept.append(c);
    }
    m_found = std::move(kept);
}

void Reader::markLines()
{
    const int n = int(m_tokens.size());
    int lineStart = 0;
    int previousFirst = -1, previousEnd = -1; // the line before, if all in capitals
    for (int i = 0; i <= n; ++i) {
        if (i < n && tok(i).kind != Token::Break)
            continue;
        int words = 0;
        bool capitals = true;
        for (int k = lineStart; k < i && capitals; ++k) {
            const Token &t = tok(k);
            if (t.kind != Token::Word || t.digit)
                continue;
            ++words;
            capitals = t.allCaps || (t.end - t.start <= 2 && t.cap);
        }
        if (capitals && words >= 2)
            for (int k = lineStart; k < i; ++k)
                m_tokens[k].capitalLine = true;
        // A row: the line starts with a space or a tab, or has columns apart by three spaces.
        bool row = false;
        if (lineStart < i) {
            const qsizetype from = lineStart > 0 ? tok(lineStart - 1).end : 0;
            const qsizetype to = tok(i - 1).end;
            row = from < m_text.size() && (m_text.at(from) == u' ' || m_text.at(from) == u'\t');
            for (qsizetype c = from; c + 2 < to && !row; ++c)
                row = m_text.at(c) == u'\t'
                    || (m_text.at(c) == u' ' && m_text.at(c + 1) == u' ' && m_text.at(c + 2) == u' ');
        }
        if (row) {
            for (int k = lineStart; k < i; ++k)
                m_tokens[k].tableLine = true;
            // The heading in capitals just above the row heads the table.
            for (int k = previousFirst; k >= 0 && k < previousEnd; ++k)
                m_tokens[k].tableLine = true;
        }
        previousFirst = capitals && words >= 1 ? lineStart : -1;
        previousEnd = i;
        lineStart = i + 1;
    }
}

void Reader::arbitrate()
{
    auto overlaps = [](const Candidate &a, const Candidate &b) { return a.start < b.end && b.start < a.end; };
    auto length = [](const Candidate &c) { return c.end - c.start; };
    QList<Candidate> merged;
    merged.reserve(m_found.size() + m_recognised.size());
    // The dateline's parts and the rules' confident names first, then the recogniser's where they
    // are longer or agree on the span.
    for (const Candidate &c : std::as_const(m_found))
        if (c.first < m_datelineEnd
            || (c.strength == 2 && (!tok(c.first).capitalLine || m_known.contains(keyOf(c.first, c.last)))))
            merged.append(c);
    // Kept in text order; the rules' names do not overlap one another, nor do the recogniser's, so
    // the names a recognised one overlaps are found by a binary search, not a scan of all.
    auto byStart = [](const Candidate &a, const Candidate &b) { return a.start < b.start; };
    std::stable_sort(merged.begin(), merged.end(), byStart);
    for (const Candidate &r : std::as_const(m_recognised)) {
        if (r.first < m_datelineEnd)
            continue;
        // "Ireland's Data Protection Commission" is two names: a possessive ends one.
        bool possessive = false;
        for (int k = r.first; k < r.last; ++k)
            possessive = possessive || tok(k).possessive;
        if (possessive)
            continue;
        bool lose = false;
        QList<qsizetype> beaten;
        const qsizetype after = std::lower_bound(merged.cbegin(), merged.cend(), r.end,
                                    [](const Candidate &c, qsizetype end) { return c.start < end; })
            - merged.cbegin();
        qsizetype lowest = after;
        while (lowest > 0 && merged.at(lowest - 1).end > r.start)
            --lowest;
        for (qsizetype k = lowest; k < after && !lose; ++k) {
            Candidate &c = merged[k];
            if (!overlaps(r, c))
                continue;
            if (c.first < m_datelineEnd || m_known.contains(keyOf(c.first, c.last))) {
                lose = true;
            } else if (c.start == r.start && c.end == r.end) {
                // One span, two types: the rules' unless a place the gazetteer knows is, to the
                // recogniser, an organisation ("Surrey" the county's team, "Washington" a club); a
                // short acronym ("US") it does not read as a place is still one.
                const QString key = keyOf(c.first, c.last);
                const Gazetteer::Known *known = m_g.find(key);
                const bool acronym = tok(c.first).allCaps && c.first == c.last && key.size() <= 3;
                const bool placeAsOrganization = known && known->type == EntityType::Place
                    && c.type == EntityType::Place && r.type == EntityType::Organization && !acronym;
                // "away from Karbacher": a preposition alone does not make a person a place.
                const bool personAfterPreposition = c.byPreposition && !known && r.type == EntityType::Person;
                if (placeAsOrganization || personAfterPreposition) {
                    c.type = r.type;
                    c.recognised = true;
                }
                lose = true;
            } else if (length(c) >= length(r)) {
                lose = true;
            } else {
                beaten.append(k);
            }
        }
        if (lose)
            continue;
        // "US Senate", "US Commerce Department": where the rules read a longer span as names side
        // by side, each confident, they stand.
        if (beaten.size() >= 2 && merged.at(beaten.first()).start == r.start && merged.at(beaten.last()).end == r.end
            && m_g.find(keyOf(merged.at(beaten.first()).first, merged.at(beaten.first()).last)))
            continue;
        for (qsizetype k = beaten.size() - 1; k >= 0; --k)
            merged.removeAt(beaten.at(k));
        merged.insert(std::lower_bound(merged.begin(), merged.end(), r, byStart), r);
    }
    // The rules' guesses (a capitalised word, a shape) are left to the recogniser, which read them
    // in context: kept, they were mostly table headings and words opening a line. Where the
    // recogniser found nothing, a guess stays only if the article confirms it (resolve(): "Pompeo
    // left." after "Mike Pompeo").
    for (const Candidate &c : std::as_const(m_found)) {
        if (c.first < m_datelineEnd || c.strength == 2 || tok(c.first).capitalLine || tok(c.first).tableLine)
            continue;
        const qsizetype after = std::lower_bound(merged.cbegin(), merged.cend(), c.end,
                                    [](const Candidate &m, qsizetype end) { return m.start < end; })
            - merged.cbegin();
        if (after > 0 && merged.at(after - 1).end > c.start)
            continue;
        Candidate guess = c;
        guess.unconfirmed = true;
        merged.insert(after, guess);
    }
    // In a table ("End Stocks  52.1  41.2", "CCC STOCKS" above it) the recogniser names only what
    // the gazetteer knows or the article names in its prose.
    QSet<QString> inProse;
    for (const Candidate &c : std::as_const(merged))
        if (!tok(c.first).tableLine)
            inProse.insert(nameKey(c.canonical));
    merged.removeIf([&](const Candidate &c) {
        return c.recognised && tok(c.first).tableLine && !inProse.contains(nameKey(c.canonical))
            && !lookup(keyOf(c.first, c.last));
    });
    std::stable_sort(
        merged.begin(), merged.end(), [](const Candidate &a, const Candidate &b) { return a.start < b.start; });
    m_found = std::move(merged);
}

QList<FoundEntity> Reader::run()
{
    markLines();
    const int from = dateline();
    scan(from);
    confirmByContext();
    recognise(from);
    dropJunk();
    taughtNames();
    resolve();
    return group();
}

} // namespace

EntityExtractor::EntityExtractor()
{
    Gazetteer::instance(); // built once, up front
}

QList<FoundEntity> EntityExtractor::extract(const QString &text) const
{
    Reader reader(text, m_known);
    return reader.run();
}

} // namespace gloss::extract
