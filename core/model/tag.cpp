#include "model/tag.h"

namespace gloss::model {

QString tagNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("a tag needs a name");
    if (name.contains(TagPathSeparator))
        return QStringLiteral("a tag name cannot contain \"%1\", which separates a tag from its parent (\"%2\"); "
                              "write \">\" without spaces, or make it a child tag")
            .arg(TagPathSeparator, name);
    if (name.contains(TagListSeparator))
        return QStringLiteral("a tag name cannot contain \"%1\", which separates tags in exports (\"%2\")")
            .arg(TagListSeparator, name);
    return {};
}

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
