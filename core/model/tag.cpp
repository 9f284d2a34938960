#include "model/tag.h"

namespace gloss::model {

QString tagPath(const QStringList &names)
{
    return names.join(TagPathSeparator);
}

QHash<qint64, QString> tagPaths(const QList<Tag> &parentsFirst)
{
    QHash<qint64, QString> paths;
    paths.reserve(parentsFirst.size());
    for (const Tag &t : parentsFirst)
        paths.insert(t.id, t.parentId ? tagPath({paths.value(t.parentId), t.name}) : t.name);
    return paths;
}

} // namespace gloss::model
