#include "search/ftsquery.h"

#include <QStringList>

namespace gloss::search {

namespace {

QString quoted(const QString &term)
{
    QString escaped = term;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

struct Token
{
    enum Kind { Term, Or, Not } kind = Term;
    QString text;
    bool prefix = false;
};

// Splits into terms, phrases and operators. Characters FTS5's tokenizer would drop anyway
// (punctuation) stay inside the quoted term, where they are harmless.
QList<Token> tokenize(const QString &input)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = input.size();
    while (i < n) {
        const QChar c = input.at(i);
        if (c.isSpace() || c == u'(' || c == u')') {
            ++i;
            continue;
        }
        bool negate = false;
        if (c == u'-' && i + 1 < n && !input.at(i + 1).isSpace()) {
            negate = true;
            ++i;
        }
        Token token;
        if (i < n && input.at(i) == u'"') {
            const qsizetype close = input.indexOf(u'"', i + 1);
            const qsizetype stop = close < 0 ? n : close;
            token.text = input.mid(i + 1, stop - i - 1).simplified();
            i = close < 0 ? n : close + 1;
            if (i < n && input.at(i) == u'*') {
                token.prefix = true;
                ++i;
            }
        } else {
            const qsizetype start = i;
            while (i < n && !input.at(i).isSpace() && input.at(i) != u'"' && input.at(i) != u'(' && input.at(i) != u')')
                ++i;
            QString word = input.mid(start, i - start);
            if (word == u"OR" || word == u"|") {
                tokens.append({Token::Or, {}, false});
                continue;
            }
            if (word == u"NOT" || word == u"AND") {
                if (word == u"NOT")
                    tokens.append({Token::Not, {}, false});
                continue;
            }
            while (word.endsWith(u'*')) {
                token.prefix = true;
                word.chop(1);
            }
            token.text = word;
        }
        // Keep only terms with something FTS5 will index (letters or digits).
        bool hasWordChar = false;
        for (const QChar ch : std::as_const(token.text))
            hasWordChar = hasWordChar || ch.isLetterOrNumber() || ch.isSurrogate();
        if (!hasWordChar)
            continue;
        if (negate)
            tokens.append({Token::Not, {}, false});
        tokens.append(token);
    }
    return tokens;
}

// Latin letters: Basic Latin, Latin-1, Extended-A/B, IPA, Extended Additional.
bool isLatin(char16_t u)
{
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= 0xC0 && u <= 0x24F)
        || (u >= 0x1E00 && u <= 0x1EFF);
}

} // namespace

QString foldDiacritics(const QString &text)
{
    bool plain = true;
    for (const QChar c : text)
        plain = plain && c.unicode() < 0xC0;
    if (plain)
        return text;
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    bool afterLatin = false;
    for (const QChar c : decomposed) {
        const QChar::Category cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing) {
            if (!afterLatin)
                out += c;
            continue;
        }
        afterLatin = isLatin(c.unicode());
        out += c;
    }
    // What was not folded composes again as it came.
    return out.normalized(QString::NormalizationForm_C);
}

namespace {

// The boolean shape both query languages share: positive groups (terms OR-ed inside a group)
// ANDed together, and the NOT terms apart.
struct Shape
{
    QList<QStringList> positive;
    QStringList negative;
};

template <typename Term> Shape shape(const QList<Token> &tokens, Term term)
{
    Shape out;
    bool pendingOr = false;
    bool pendingNot = false;
    for (const Token &t : tokens) {
        if (t.kind == Token::Or) {
            pendingOr = !out.positive.isEmpty();
            continue;
        }
        if (t.kind == Token::Not) {
            pendingNot = true;
            continue;
        }
        const QString text = term(t);
        if (pendingNot)
            out.negative.append(text);
        else if (pendingOr)
            out.positive.last().append(text);
        else
            out.positive.append({text});
        pendingOr = false;
        pendingNot = false;
    }
    return out;
}

} // namespace

bool isTokenChar(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

QString indexedText(const QString &text)
{
    const QString folded = foldDiacritics(text);
    QString out;
    out.reserve(folded.size());
    const qsizetype n = folded.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = folded.at(i);
        if (c.isHighSurrogate() && i + 1 < n && folded.at(i + 1).isLowSurrogate()) {
            const bool keep = isTokenChar(QChar::surrogateToUcs4(c, folded.at(i + 1)));
            out += keep ? c : QChar(u' ');
            out += keep ? folded.at(i + 1) : QChar(u' ');
            ++i;
            continue;
        }
        out += isTokenChar(c.unicode()) ? c : QChar(u' ');
    }
    return out;
}

QString toTsQuery(const QString &userText)
{
    // PostgreSQL text holds no NUL: it separates words like a space, as for FTS5.
    QString text = foldDiacritics(userText);
    text.replace(QChar(0), QChar(u' '));
    const Shape s = shape(tokenize(text), [](const Token &t) -> QString {
        // A term of no letter or digit (emoji alone) is an empty phrase to FTS5, which matches
        // nothing, where to_tsquery would drop it: it is left empty here and weighed below.
        // Its words are FTS5's words (see indexedText()).
        QString escaped = indexedText(t.text).simplified();
        if (escaped.isEmpty())
            return {};
        // A quoted operand is read as text, never as operators; inside it ' and \ are escaped
        // (indexedText() has made them spaces already: this holds should that change).
        escaped.replace(u'\\', QStringLiteral("\\\\"));
        escaped.replace(u'\'', QStringLiteral("''"));
        return u'\'' + escaped + u'\'' + (t.prefix ? QStringLiteral(":*") : QString());
    });
    if (s.positive.isEmpty())
        return {};
    QStringList groups;
    for (QStringList g : s.positive) {
        g.removeAll(QString());
        if (g.isEmpty()) // a required term that matches nothing: nothing matches
            return {};
        groups.append(g.size() > 1 ? u'(' + g.join(u" | ") + u')' : g.first());
    }
    QString query = groups.join(u" & ");
    QStringList negative = s.negative;
    negative.removeAll(QString()); // not matching nothing excludes nothing
    if (!negative.isEmpty())
        query = u'(' + query + u") & !(" + negative.join(u" | ") + u')';
    return query;
}

QList<SearchTerm> positiveTerms(const QString &userText)
{
    QString text = userText;
    text.replace(QChar(0), QChar(u' '));
    QList<SearchTerm> out;
    const Shape s = shape(tokenize(text), [](const Token &t) -> QString { return (t.prefix ? u'*' : u' ') + t.text; });
    for (const QStringList &group : s.positive)
        for (const QString &term : group)
            out.append({term.mid(1), term.at(0) == u'*'});
    return out;
}

QString toFtsQuery(const QString &userText)
{
    // SQLite reads the MATCH text up to its first NUL, which would cut a quoted term open: a NUL
    // (pasted, or in a query file) separates words like a space.
    QString text = userText;
    text.replace(QChar(0), QChar(u' '));
    const QList<Token> tokens = tokenize(text);
    // Groups of OR-ed terms, ANDed together; NOT terms collected apart (FTS5's NOT is binary).
    QStringList positive;
    QStringList negative;
    bool pendingOr = false;
    bool pendingNot = false;
    for (const Token &t : tokens) {
        if (t.kind == Token::Or) {
            pendingOr = !positive.isEmpty();
            continue;
        }
        if (t.kind == Token::Not) {
            pendingNot = true;
            continue;
        }
        const QString term = quoted(t.text) + (t.prefix ? QStringLiteral("*") : QString());
        if (pendingNot) {
            negative.append(term);
        } else if (pendingOr) {
            positive.last() = positive.last() + u" OR " + term;
        } else {
            positive.append(term);
        }
        pendingOr = false;
        pendingNot = false;
    }
    if (positive.isEmpty())
        return {};
    QStringList groups;
    for (const QString &g : std::as_const(positive))
        groups.append(g.contains(u" OR ") ? u'(' + g + u')' : g);
    QString query = groups.join(u" AND ");
    if (!negative.isEmpty()) {
        QStringList parts;
        for (const QString &n : std::as_const(negative))
            parts.append(n);
        query = u'(' + query + u") NOT (" + parts.join(u" OR ") + u')';
    }
    return query;
}

} // namespace gloss::search
