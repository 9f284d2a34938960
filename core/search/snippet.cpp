#include "search/snippet.h"

#include "search/ftsquery.h"

#include <QList>
#include <QStringList>

#include <algorithm>

namespace gloss::search {

namespace {

struct Word
{
    qsizetype start = 0; // offsets into the text
    qsizetype end = 0;
    QString key; // folded: lower case, no diacritics
};

// Words as FTS5's unicode61 tokenizer cuts them: runs of letters, digits and their marks.
QList<Word> words(const QString &text)
{
    QList<Word> out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const qsizetype start = i;
        char32_t c = text.at(i).unicode();
        qsizetype width = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        if (!isTokenChar(c)) {
            i += width;
            continue;
        }
        i += width;
        while (i < n) {
            char32_t d = text.at(i).unicode();
            qsizetype w = 1;
            if (text.at(i).isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
                d = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
                w = 2;
            }
            if (!isTokenChar(d))
                break;
            i += w;
        }
        out.append({start, i, foldDiacritics(text.mid(start, i - start)).toLower()});
    }
    return out;
}

struct Phrase
{
    QStringList keys;
    bool prefix = false;
};

struct Instance
{
    int phrase = 0;
    qsizetype position = 0; // in words
    qsizetype size = 0;
};

// fts5SnippetScore: 1000 for each phrase first seen in the window, 1 for each repeat; and the
// start that centres the window's matches (when asked for).
int score(
    const QList<Instance> &instances, int phrases, qsizetype docSize, qsizetype from, int tokens, qsizetype *centred)
{
    QList<bool> seen(phrases, false);
    int total = 0;
    qsizetype first = -1;
    qsizetype last = 0;
    for (const Instance &inst : instances) {
        if (inst.position < from || inst.position >= from + tokens)
            continue;
        total += seen[inst.phrase] ? 1 : 1000;
        seen[inst.phrase] = true;
        if (first < 0)
            first = inst.position;
        last = inst.position + inst.size;
    }
    if (centred) {
        qsizetype adjusted = first - (tokens - (last - first)) / 2;
        if (adjusted + tokens > docSize)
            adjusted = docSize - tokens;
        *centred = std::max<qsizetype>(adjusted, 0);
    }
    return total;
}

} // namespace

QString snippet(const QString &body, const QString &userText, QChar open, QChar close, int tokens)
{
    static const QString ellipsis = QStringLiteral("…");
    const QList<Word> doc = words(body);
    const qsizetype docSize = doc.size();

    QList<Phrase> phrases;
    for (const SearchTerm &term : positiveTerms(userText)) {
        Phrase p;
        for (const Word &w : words(term.text))
            p.keys.append(w.key);
        p.prefix = term.prefix;
        if (!p.keys.isEmpty())
            phrases.append(p);
    }

    // Every place a phrase occurs, in the order of the text.
    QList<Instance> instances;
    for (qsizetype at = 0; at < docSize; ++at) {
        for (int p = 0; p < int(phrases.size()); ++p) {
            const Phrase &phrase = phrases.at(p);
            const qsizetype size = phrase.keys.size();
            if (at + size > docSize)
                continue;
            bool match = true;
            for (qsizetype k = 0; k < size && match; ++k) {
                const QString &key = doc.at(at + k).key;
                const bool last = k == size - 1;
                match = (last && phrase.prefix) ? key.startsWith(phrase.keys.at(k)) : key == phrase.keys.at(k);
            }
            if (match)
                instances.append({p, at, size});
        }
    }

    // Sentence starts (a word after ". " or ": "), preferred as the window's start.
    QList<qsizetype> sentences;
    for (qsizetype at = 0; at < docSize; ++at) {
        if (at == 0) {
            sentences.append(0);
            continue;
        }
        qsizetype i = doc.at(at).start - 1;
        const qsizetype before = i;
        while (i >= 0 && (body.at(i) == u' ' || body.at(i) == u'\t' || body.at(i) == u'\n' || body.at(i) == u'\r'))
            --i;
        if (i != before && i >= 0 && (body.at(i) == u'.' || body.at(i) == u':'))
            sentences.append(at);
    }

    int bestScore = 0;
    qsizetype bestStart = 0;
    for (const Instance &inst : std::as_const(instances)) {
        qsizetype centred = 0;
        const int s = score(instances, int(phrases.size()), docSize, inst.position, tokens, &centred);
        if (s > bestScore) {
            bestScore = s;
            bestStart = centred;
        }
        if (docSize > tokens) {
            qsizetype j = 0;
            while (j + 1 < sentences.size() && sentences.at(j + 1) <= inst.position)
                ++j;
            if (sentences.at(j) < inst.position) {
                const int t = score(instances, int(phrases.size()), docSize, sentences.at(j), tokens, nullptr)
                    + (sentences.at(j) == 0 ? 120 : 100);
                if (t > bestScore) {
                    bestScore = t;
                    bestStart = sentences.at(j);
                }
            }
        }
    }

    // Matches that overlap are marked as one, as FTS5 coalesces them.
    QList<std::pair<qsizetype, qsizetype>> marks; // first and last word
    for (const Instance &inst : std::as_const(instances)) {
        const qsizetype first = inst.position;
        const qsizetype last = inst.position + inst.size - 1;
        if (!marks.isEmpty() && first <= marks.last().second)
            marks.last().second = std::max(marks.last().second, last);
        else
            marks.append({first, last});
    }

    const qsizetype rangeEnd = bestStart + tokens - 1;
    QString out;
    qsizetype offset = 0;
    if (bestStart > 0)
        out += ellipsis;
    qsizetype m = 0;
    while (m < marks.size() && marks.at(m).first < bestStart)
        ++m;
    for (qsizetype at = bestStart; at <= rangeEnd && at < docSize; ++at) {
        const Word &w = doc.at(at);
        if (at == bestStart && bestStart > 0)
            offset = w.start;
        const bool inMark = m < marks.size() && at >= marks.at(m).first && at <= marks.at(m).second;
        if (m < marks.size() && at == marks.at(m).first) {
            out += QStringView(body).mid(offset, w.start - offset);
            out += open;
            offset = w.start;
        }
        if (m < marks.size() && at == marks.at(m).second) {
            out += QStringView(body).mid(offset, w.end - offset);
            out += close;
            offset = w.end;
            ++m;
            continue;
        }
        if (at == rangeEnd) {
            out += QStringView(body).mid(offset, w.end - offset);
            offset = w.end;
            if (inMark)
                out += close;
        }
    }
    if (rangeEnd >= docSize - 1)
        out += QStringView(body).mid(offset);
    else
        out += ellipsis;
    return out;
}

} // namespace gloss::search
