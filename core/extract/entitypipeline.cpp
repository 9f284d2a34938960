#include "extract/entitypipeline.h"

#include "model/namekey.h"

#include <QHash>

namespace gloss::extract {

namespace {

// Bodies longer than this are read in pieces split at paragraph or sentence ends, so memory stays
// proportional to a piece, not to a 50 MB file; news articles are far shorter and read whole.
constexpr qsizetype PieceLength = 256 * 1024;

qsizetype pieceEnd(const QString &text, qsizetype from)
{
    const qsizetype limit = from + PieceLength;
    if (limit >= text.size())
        return text.size();
    // Only the second half of the piece is searched: a search back from the limit would read the
    // whole text before it for each piece of a body without paragraph breaks (quadratic in a 50 MB line).
    const qsizetype lowest = from + PieceLength / 2 + 1;
    const QStringView window = QStringView(text).mid(lowest, limit - lowest);
    for (const QStringView separator : {u"\n\n", u". ", u" "}) {
        const qsizetype at = window.lastIndexOf(separator);
        if (at >= 0)
            return lowest + at + separator.size();
    }
    return limit;
}

} // namespace

namespace {

QList<model::FoundEntity> findInPieces(const EntityExtractor &extractor, const QString &body)
{
    if (body.size() <= PieceLength)
        return extractor.extract(body);
    QList<model::FoundEntity> merged;
    QHash<std::pair<QString, int>, qsizetype> index;
    for (qsizetype from = 0; from < body.size();) {
        const qsizetype to = pieceEnd(body, from);
        for (model::FoundEntity &found : extractor.extract(body.mid(from, to - from))) {
            for (model::FoundMention &m : found.mentions) {
                m.start += from;
                m.end += from;
            }
            const auto key = std::make_pair(found.name, int(found.type));
            if (const auto it = index.constFind(key); it != index.constEnd()) {
                merged[*it].mentions.append(found.mentions);
            } else {
                index.insert(key, merged.size());
                merged.append(std::move(found));
            }
        }
        from = to;
    }
    return merged;
}

} // namespace

QList<model::FoundEntity> findEntities(const EntityExtractor &extractor, const QString &body)
{
    QList<model::FoundEntity> found = findInPieces(extractor, body);
    // The keys storing looks names up by, found here, on the importer's reading thread, rather
    // than by the thread that stores.
    for (model::FoundEntity &e : found) {
        e.key = model::nameKey(e.name);
        for (model::FoundMention &m : e.mentions)
            m.key = model::nameKey(m.text);
    }
    return found;
}

} // namespace gloss::extract
