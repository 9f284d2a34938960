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

} // namespace

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
