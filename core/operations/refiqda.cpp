#include "operations/refiqda.h"

#include "import/documents/documents.h"
#include "import/refi/qdereader.h"
#include "import/refi/qdpxarchive.h"
#include "interchange/refi/qdewriter.h"
#include "interchange/refi/qdpxwriter.h"
#include "model/contenthash.h"
#include "model/entity.h"
#include "model/tag.h"
#include "model/variables.h"
#include "operations/annotations.h"
#include "operations/backups.h"
#include "operations/codebook.h"
#include "operations/extraction.h"
#include "operations/project.h"
#include "operations/sets.h"
#include "operations/writer.h"
#include "storage/annotationrepository.h"
#include "storage/articlerepository.h"
#include "storage/entityrepository.h"
#include "storage/exportrepository.h"
#include "storage/highlightrepository.h"
#include "storage/metarepository.h"
#include "storage/setrepository.h"
#include "storage/store.h"
#include "storage/tagrepository.h"
#include "storage/timerefrepository.h"
#include "text/codepoints.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <map>

namespace gloss::operations {

namespace refi {
using namespace gloss::model::refi;
using namespace gloss::import::refi;
using namespace gloss::interchange::refi;
} // namespace refi

namespace {

const QString ProjectGuidKey = QStringLiteral("refi_project_guid");
// The reserved top-level code under which --with-extraction puts entities and dates.
const QString ExtractionCode = QStringLiteral("Gloss extraction");
// The variables an article's fixed metadata travels in (article variables are lower case, so
// these capitalised names never meet one of them).
const QString PublishedVariable = QStringLiteral("Published");
const QString SourceVariable = QStringLiteral("Source");
const QString UrlVariable = QStringLiteral("URL");
const QString AuthorVariable = QStringLiteral("Author");
const QString DatelineVariable = QStringLiteral("Dateline");

QString shortQuote(const QString &quote)
{
    QString q = quote.simplified();
    if (text::codePointLength(q) > 100)
        q = text::sliceCodePoints(q, 0, 99) + QChar(0x2026);
    return q;
}

// The codes of a codebook (tags parents first) as a tree.
QList<refi::Code> codeTree(const QList<model::Tag> &tags, const std::function<QString(qint64)> &guid)
{
    QHash<qint64, QList<model::Tag>> children;
    for (const model::Tag &t : tags)
        children[t.parentId].append(t);
    std::function<QList<refi::Code>(qint64, int)> build = [&](qint64 parent, int depth) {
        QList<refi::Code> out;
        if (depth > 100)
            return out;
        for (const model::Tag &t : children.value(parent)) {
            refi::Code c;
            c.guid = guid(t.id);
            c.name = t.name;
            c.color = t.color;
            c.description = t.description;
            c.children = build(t.id, depth + 1);
            out.append(c);
        }
        return out;
    };
    return build(0, 0);
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

// A colour as Gloss keeps it, "#rrggbb", or empty.
QString normalColor(const QString &color)
{
    static const QRegularExpression full(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    static const QRegularExpression brief(QStringLiteral("^#[0-9a-fA-F]{3}$"));
    const QString c = color.trimmed();
    if (full.match(c).hasMatch())
        return c.toLower();
    if (brief.match(c).hasMatch())
        return QStringLiteral("#%1%1%2%2%3%3").arg(c.at(1), c.at(2), c.at(3)).toLower();
    return {};
}

// A code's name as a tag's: the separators of paths and lists replaced, so that it stays one tag.
QString tagName(const QString &name)
{
    QString n = name.simplified();
    n.replace(model::TagPathSeparator.trimmed(), QStringLiteral("\u203A"));
    n.replace(model::TagListSeparator.trimmed(), QStringLiteral(","));
    if (n.isEmpty())
        n = QStringLiteral("(unnamed code)");
    return n;
}

// A source's text as an article's body: line ends made LF, with where each code point of the
// source went (map[i] is the body's code point for the source's code point i; map[n] the end).
struct Body
{
    QString text;
    std::vector<qint64> map;
};

Body normaliseBody(const QString &source)
{
    Body b;
    b.text.reserve(source.size());
    qint64 cp = 0;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (c.isLowSurrogate() && i > 0 && source.at(i - 1).isHighSurrogate()) {
            b.text.append(c);
            continue;
        }
        b.map.push_back(cp);
        if (c == u'\r') {
            if (i + 1 < source.size() && source.at(i + 1) == u'\n')
                continue; // the CR of CRLF goes; the LF that follows stands for both
            b.text.append(u'\n');
        } else {
            b.text.append(c);
        }
        ++cp;
    }
    b.map.push_back(cp);
    return b;
}

QString stripExtension(const QString &name)
{
    static const QRegularExpression ext(
        QStringLiteral("\\.(txt|docx|doc|pdf|rtf|odt|htm|html)$"), QRegularExpression::CaseInsensitiveOption);
    QString n = name;
    n.remove(ext);
    return n.trimmed();
}

} // namespace

QString RefiImportReport::summary() const
{
    QStringList parts;
    const auto count = [](qint64 n, const char *one, const char *many) -> QString {
        return QString::number(n) + u' ' + QString::fromUtf8(n == 1 ? one : many);
    };
    parts.append(count(articles, "article", "articles"));
    if (articlesThere > 0)
        parts.append(QStringLiteral("%1 already there").arg(articlesThere));
    parts.append(count(highlights, "highlight", "highlights"));
    parts.append(count(tags, "tag", "tags") + QStringLiteral(" created"));
    if (tagsThere > 0)
        parts.append(QStringLiteral("%1 tags already there").arg(tagsThere));
    parts.append(count(notes, "note", "notes"));
    if (sets > 0)
        parts.append(count(sets, "set", "sets"));
    if (coders > 0)
        parts.append(count(coders, "coder", "coders"));
    QString s = parts.join(QStringLiteral(", "));
    if (!leftOut.isEmpty())
        s += QStringLiteral("; %1 left out").arg(count(leftOut.size(), "thing", "things"));
    return s;
}

QString RefiQda::projectGuid()
{
    const auto stored = m_writer.read([&] { return m_writer.store().meta().value(ProjectGuidKey); });
    if (stored && !QUuid::fromString(*stored).isNull())
        return *stored;
    if (m_writer.store().isReadOnly()) // stable all the same: from where the project is
        return QUuid::createUuidV5(QUuid(), m_writer.store().location()).toString(QUuid::WithoutBraces);
    const QString made = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_writer.write({}, 0, [&] { m_writer.store().meta().setValue(ProjectGuidKey, made); });
    return made;
}

RefiExportResult RefiQda::exportProject(const QString &path, const RefiExportOptions &options)
{
    RefiExportResult result;
    try {
        const QUuid ns = QUuid::fromString(projectGuid());
        const auto guid
            = [&](const QString &kind, qint64 id) { return refi::derivedGuid(ns, kind + u':' + QString::number(id)); };
        const auto keyGuid
            = [&](const QString &kind, const QString &key) { return refi::derivedGuid(ns, kind + u':' + key); };

        refi::Project p;
        QList<QPair<QString, QByteArray>> files;
        m_writer.read([&] {
            storage::Store &store = m_writer.store();
            p.name = QFileInfo(store.location()).completeBaseName();
            p.origin = QStringLiteral("Gloss " GLOSS_VERSION);
            p.modified = QDateTime::currentDateTimeUtc();
            const QList<model::Tag> tags = store.exports().codebook();
            p.codes = codeTree(tags, [&](qint64 id) { return guid(QStringLiteral("tag"), id); });
            result.codes = int(tags.size());

            QList<qint64> ids = options.scope.articleIds;
            if (ids.isEmpty())
                ids = store.articles().ids(options.scope.filter, model::ArticleOrder::Id);
            std::sort(ids.begin(), ids.end());
            const QSet<qint64> inScope(ids.cbegin(), ids.cend());

            // Extraction codes, made as they are met.
            refi::Code extraction;
            extraction.guid = keyGuid(QStringLiteral("extraction"), QStringLiteral("root"));
            extraction.name = ExtractionCode;
            extraction.codable = false;
            extraction.description = QStringLiteral("Entities and dates Gloss found; not the researcher's coding.");
            std::map<QString, refi::Code> extractionGroups; // "Entities: person" -> its code
            std::map<QString, std::map<QString, QString>> extractionLeaves; // group -> name -> guid
            const auto extractionCode = [&](const QString &group, const QString &name) {
                QString &g = extractionLeaves[group][name];
                if (g.isEmpty())
                    g = keyGuid(QStringLiteral("extraction"), group + u'\x1f' + name);
                return g;
            };

            QSet<QString> users;
            QStringList variableOrder;
            QSet<QString> variableSeen;
            QHash<QString, refi::VariableType> variableTypes;
            const auto useVariable = [&](const QString &name, refi::VariableType type) {
                if (!variableSeen.contains(name)) {
                    variableSeen.insert(name);
                    variableOrder.append(name);
                    variableTypes.insert(name, type);
                }
                return keyGuid(QStringLiteral("variable"), name);
            };

            for (const qint64 id : std::as_const(ids)) {
                const std::optional<model::Article> article = store.articles().get(id);
                if (!article)
                    continue;
                refi::Source s;
                s.guid = guid(QStringLiteral("article"), id);
                s.name = article->title.isEmpty() ? QStringLiteral("Article %1").arg(id) : article->title;
                s.plainTextPath = u"internal://" + s.guid + u".txt";
                s.created = article->imported;
                files.append({u"sources/" + s.guid + u".txt", article->body.toUtf8()});

                const auto value = [&](const QString &name, refi::VariableType type, const QString &v) {
                    if (v.isEmpty())
                        return;
                    s.variables.append({useVariable(name, type), type, v});
                };
                if (article->published.isValid())
                    value(PublishedVariable, refi::VariableType::Date, article->published.toString(Qt::ISODate));
                value(SourceVariable, refi::VariableType::Text, article->source);
                value(UrlVariable, refi::VariableType::Text, article->url);
                value(AuthorVariable, refi::VariableType::Text, article->author);
                value(DatelineVariable, refi::VariableType::Text, article->dateline);
                const qsizetype fixed = s.variables.size();
                for (const auto &[name, v] : article->variables)
                    value(name, refi::VariableType::Text, v);
                if (s.variables.size() > fixed) {
                    refi::Case c;
                    c.guid = guid(QStringLiteral("case"), id);
                    c.name = s.name;
                    c.variables = s.variables.mid(fixed);
                    c.sourceGuids.append(s.guid);
                    p.cases.append(c);
                }

                for (const model::Highlight &h : store.highlights().forArticle(id)) {
                    refi::Selection sel;
                    sel.guid = guid(QStringLiteral("highlight"), h.id);
                    sel.name = shortQuote(h.quote);
                    sel.start = h.start; // Gloss's offsets are code points, as the standard's are
                    sel.end = h.end;
                    if (!h.coder.isEmpty()) {
                        users.insert(h.coder);
                        sel.creatingUser = keyGuid(QStringLiteral("user"), h.coder);
                    }
                    sel.created = h.created;
                    sel.modified = h.modified;
                    for (const qint64 tagId : h.tagIds)
                        sel.codings.append({refi::derivedGuid(ns, QStringLiteral("coding:%1:%2").arg(h.id).arg(tagId)),
                            guid(QStringLiteral("tag"), tagId), sel.creatingUser, h.created});
                    if (!h.note.isEmpty()) {
                        refi::Note n;
                        n.guid = guid(QStringLiteral("highlight-note"), h.id);
                        n.name = QStringLiteral("Note on \u201C%1\u201D").arg(shortQuote(h.quote).left(40));
                        n.hasInlineText = true;
                        n.text = h.note;
                        n.creatingUser = sel.creatingUser;
                        n.created = h.modified;
                        p.notes.append(n);
                        sel.noteGuids.append(n.guid);
                    }
                    s.selections.append(sel);
                    ++result.selections;
                }
                // One note per coder; a named coder's is keyed and named by the coder too.
                for (const auto &[coder, note] : store.highlights().articleNotes(id)) {
                    if (note.isEmpty())
                        continue;
                    refi::Note n;
                    n.guid = guid(coder.isEmpty() ? QStringLiteral("article-note") : u"article-note/" + coder, id);
                    n.name = coder.isEmpty() ? QStringLiteral("Note on %1").arg(s.name.left(60))
                                             : QStringLiteral("%1's note on %2").arg(coder, s.name.left(60));
                    n.hasInlineText = true;
                    n.text = note;
                    if (!coder.isEmpty()) {
                        users.insert(coder);
                        n.creatingUser = keyGuid(QStringLiteral("user"), coder);
                    }
                    p.notes.append(n);
                    s.noteGuids.append(n.guid);
                }

                if (options.withExtraction) {
                    QHash<qint64, model::Entity> entities;
                    for (const model::Entity &e : store.entities().forArticle(id))
                        entities.insert(e.id, e);
                    for (const model::Mention &m : store.entities().articleMentions(id)) {
                        const model::Entity e = entities.value(m.entityId);
                        if (e.id == 0 || m.end <= m.start)
                            continue;
                        const QString group = QStringLiteral("Entities: %1").arg(model::entityTypeName(e.type));
                        refi::Selection sel;
                        sel.guid = guid(QStringLiteral("mention"), m.id);
                        sel.name = m.text;
                        sel.start = m.start;
                        sel.end = m.end;
                        sel.codings.append(
                            {guid(QStringLiteral("mention-coding"), m.id), extractionCode(group, e.name), {}, {}});
                        s.selections.append(sel);
                    }
                    for (const model::TimeRef &t : store.timeRefs().forArticle(id)) {
                        if (t.end <= t.start)
                            continue;
                        refi::Selection sel;
                        sel.guid = guid(QStringLiteral("time"), t.id);
                        sel.name = t.text;
                        sel.start = t.start;
                        sel.end = t.end;
                        sel.codings.append({guid(QStringLiteral("time-coding"), t.id),
                            extractionCode(QStringLiteral("Dates"), t.value.isEmpty() ? t.text : t.value), {}, {}});
                        s.selections.append(sel);
                    }
                }
                p.sources.append(s);
                ++result.sources;
            }

            for (const QString &name : std::as_const(variableOrder))
                p.variables.append({keyGuid(QStringLiteral("variable"), name), name, variableTypes.value(name), {}});
            QStringList coders(users.cbegin(), users.cend());
            coders.sort();
            for (const QString &coder : std::as_const(coders))
                p.users.append({keyGuid(QStringLiteral("user"), coder), coder});

            for (const model::ArticleSet &set : store.sets().all()) {
                refi::Set s;
                s.guid = guid(QStringLiteral("set"), set.id);
                s.name = set.name;
                for (const qint64 a : store.sets().articles(set.id))
                    if (inScope.contains(a))
                        s.sourceGuids.append(guid(QStringLiteral("article"), a));
                p.sets.append(s);
            }

            if (!extractionLeaves.empty()) {
                for (const auto &[group, leaves] : extractionLeaves) {
                    refi::Code g;
                    g.guid = keyGuid(QStringLiteral("extraction-group"), group);
                    g.name = group;
                    g.codable = false;
                    for (const auto &[name, leafGuid] : leaves)
                        g.children.append({leafGuid, name, {}, {}, true, {}});
                    extraction.children.append(g);
                }
                p.codes.append(extraction);
            }
            result.notes = int(p.notes.size());
        });
        const QString error = refi::writeQdpx(path, refi::writeProjectXml(p), files);
        if (!error.isEmpty())
            result.error = error;
    } catch (const OperationError &e) {
        result.error = QStringLiteral("%1: %2").arg(m_writer.store().location(), e.message());
    }
    return result;
}

RefiExportResult RefiQda::exportCodebook(const QString &path)
{
    RefiExportResult result;
    try {
        const QUuid ns = QUuid::fromString(projectGuid());
        const QList<model::Tag> tags = m_writer.read([&] { return m_writer.store().exports().codebook(); });
        const QList<refi::Code> codes
            = codeTree(tags, [&](qint64 id) { return refi::derivedGuid(ns, QStringLiteral("tag:%1").arg(id)); });
        result.codes = int(tags.size());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            result.error = QStringLiteral("%1: %2").arg(path, file.errorString());
            return result;
        }
        file.write(refi::writeCodebookXml(codes, {}, QStringLiteral("Gloss " GLOSS_VERSION)));
        if (!file.commit())
            result.error = QStringLiteral("%1: %2").arg(path, file.errorString());
    } catch (const OperationError &e) {
        result.error = QStringLiteral("%1: %2").arg(m_writer.store().location(), e.message());
    }
    return result;
}

namespace {

// Codes into tags, parents before children, inside the caller's write. Returns guid -> tag id.
QHash<QString, qint64> applyCodes(
    Project &project, storage::Store &store, const QList<refi::Code> &codes, RefiImportReport &report)
{
    QHash<QString, qint64> byPath;
    const QHash<qint64, QString> paths = model::tagPaths(store.exports().codebook());
    for (auto it = paths.cbegin(); it != paths.cend(); ++it)
        byPath.insert(it.value(), it.key());
    QHash<QString, qint64> byGuid;
    std::function<void(const refi::Code &, qint64, const QString &)> place
        = [&](const refi::Code &c, qint64 parent, const QString &parentPath) {
              const QString name = tagName(c.name);
              if (name != c.name.simplified() && !c.name.isEmpty())
                  report.warnings.append(
                      QStringLiteral("code \"%1\" is called \"%2\" in Gloss (a tag's name holds no separator)")
                          .arg(c.name, name));
              const QString path = parentPath.isEmpty() ? name : parentPath + model::TagPathSeparator + name;
              qint64 id = byPath.value(path);
              if (id != 0) {
                  ++report.tagsThere;
              } else {
                  project.codebook().create(name, parent, normalColor(c.color), c.description, &id);
                  byPath.insert(path, id);
                  ++report.tags;
              }
              const QString g = refi::normalGuid(c.guid);
              if (!g.isEmpty())
                  byGuid.insert(g, id);
              for (const refi::Code &child : c.children)
                  place(child, id, path);
          };
    for (const refi::Code &c : codes)
        place(c, 0, {});
    return byGuid;
}

QString sourceKindName(refi::SourceKind kind)
{
    switch (kind) {
    case refi::SourceKind::Text:
        return QStringLiteral("text");
    case refi::SourceKind::Picture:
        return QStringLiteral("picture");
    case refi::SourceKind::Pdf:
        return QStringLiteral("PDF");
    case refi::SourceKind::Audio:
        return QStringLiteral("audio");
    case refi::SourceKind::Video:
        return QStringLiteral("video");
    }
    return {};
}

// A source read and ready to store.
struct PlannedSource
{
    const refi::Source *source = nullptr;
    Body body;
    model::Article article;
    QList<const refi::Selection *> selections; // inside the text
};

} // namespace

RefiImportReport RefiQda::importProject(const QString &path)
{
    m_writer.refuseIfReadOnly();
    QFile file(path);
    RefiImportReport report;
    const refi::ArchiveLimits limits;
    if (!file.open(QIODevice::ReadOnly)) {
        report.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return report;
    }
    if (file.size() > limits.maxArchiveBytes) {
        report.error = QStringLiteral("%1: too large to read (%2 bytes)").arg(path).arg(file.size());
        return report;
    }
    const QByteArray bytes = file.readAll();
    file.close();
    // Refused before the backup when it is not a project at all.
    QString why;
    if (!refi::QdpxArchive::fromBytes(bytes, limits, why)) {
        report.error = QStringLiteral("%1: %2").arg(path, why);
        return report;
    }
    const QString project = m_writer.store().location();
    if (const auto backup = Backups(m_writer).takeBefore(QStringLiteral("import-qdpx")); !backup.error.isEmpty())
        throw OperationError(OperationError::Kind::Failed,
            QStringLiteral("%1: no backup could be taken first, so nothing was imported (%2)")
                .arg(project, backup.error));
    return importProjectBytes(bytes, path);
}

RefiImportReport RefiQda::importProjectBytes(const QByteArray &bytes, const QString &name)
{
    m_writer.refuseIfReadOnly();
    RefiImportReport report;
    const auto refuse = [&](const QString &why) {
        RefiImportReport refused;
        refused.error = QStringLiteral("%1: %2").arg(name, why);
        return refused;
    };
    QString why;
    std::unique_ptr<refi::QdpxArchive> archive = refi::QdpxArchive::fromBytes(bytes, {}, why);
    if (!archive)
        return refuse(why);
    const refi::QdeReadResult read = refi::readProjectXml(archive->projectXml());
    if (!read.error.isEmpty())
        return refuse(QStringLiteral("project.qde cannot be read: %1").arg(read.error));
    for (const QString &w : read.warnings)
        report.warnings.append(QStringLiteral("project.qde: %1").arg(w));
    const refi::Project &p = read.project;

    // Everything the archive must give is read first: a refusal then leaves the project as it was.
    QHash<QString, QString> users; // guid -> name
    for (const refi::User &u : p.users)
        users.insert(refi::normalGuid(u.guid), u.name.isEmpty() ? u.guid : u.name);
    QHash<QString, QString> notes; // guid -> text
    for (const refi::Note &n : p.notes) {
        QString text = n.text;
        if (!n.hasInlineText && !n.plainTextPath.isEmpty()) {
            bool fatal = false;
            const std::optional<QByteArray> b = archive->readInternal(n.plainTextPath, why, fatal);
            if (fatal)
                return refuse(QStringLiteral("note \"%1\": %2").arg(n.name, why));
            if (!b) {
                report.leftOut.append(QStringLiteral("note \"%1\": %2").arg(n.name, why));
                continue;
            }
            QString warning;
            text = refi::decodeSourceText(*b, warning);
        }
        notes.insert(refi::normalGuid(n.guid), text.trimmed());
    }
    QHash<QString, refi::Variable> variables;
    for (const refi::Variable &v : p.variables)
        variables.insert(refi::normalGuid(v.guid), v);
    QHash<QString, QList<refi::VariableValue>> caseValues; // source guid -> values of its cases
    for (const refi::Case &c : p.cases)
        for (const QString &s : c.sourceGuids)
            caseValues[refi::normalGuid(s)] += c.variables;

    QList<PlannedSource> planned;
    for (const refi::Source &s : p.sources) {
        const QString label = QStringLiteral("%1 source \"%2\"").arg(sourceKindName(s.kind), s.name);
        QString text;
        bool haveText = false;
        bool selectionsFit = true;
        bool missing = false; // reported already
        const auto readText
            = [&](bool inlineText, const QString &inlined, const QString &url) -> std::optional<QString> {
            if (inlineText)
                return inlined;
            if (url.isEmpty())
                return std::nullopt;
            bool fatal = false;
            const std::optional<QByteArray> b = archive->readInternal(url, why, fatal);
            if (fatal)
                throw OperationError::invalid(QStringLiteral("%1: %2").arg(label, why));
            if (!b) {
                report.leftOut.append(QStringLiteral("%1: %2").arg(label, why));
                missing = true;
                return std::nullopt;
            }
            QString warning;
            QString t = refi::decodeSourceText(*b, warning);
            if (!warning.isEmpty())
                report.warnings.append(QStringLiteral("%1: %2").arg(label, warning));
            return t;
        };
        try {
            if (s.kind == refi::SourceKind::Text) {
                const std::optional<QString> t = readText(s.hasInlineText, s.inlineText, s.plainTextPath);
                if (!t) {
                    if (!missing)
                        report.leftOut.append(
                            QStringLiteral("%1: no plain text (neither PlainTextContent nor plainTextPath)")
                                .arg(label));
                    continue;
                }
                text = *t;
                haveText = !text.isEmpty();
            } else if (s.kind == refi::SourceKind::Pdf) {
                const std::optional<QString> t
                    = readText(s.hasRepresentationText, s.representationText, s.representationPath);
                if (t && !t->isEmpty()) {
                    text = *t;
                    haveText = true;
                } else if (s.path.startsWith(u"internal://", Qt::CaseInsensitive)) {
                    bool fatal = false;
                    const std::optional<QByteArray> b = archive->readInternal(s.path, why, fatal);
                    if (fatal)
                        return refuse(QStringLiteral("%1: %2").arg(label, why));
                    if (b) {
                        text = gloss::import::documentText(
                            gloss::import::DocumentKind::Pdf, *b, refi::ArchiveLimits{}.maxSourceBytes);
                        haveText = !text.trimmed().isEmpty();
                        selectionsFit = false; // positions are in the representation, which it lacks
                        if (!haveText)
                            report.leftOut.append(QStringLiteral("%1: the PDF has no text layer").arg(label));
                    } else {
                        report.leftOut.append(QStringLiteral("%1: %2").arg(label, why));
                    }
                } else {
                    report.leftOut.append(
                        QStringLiteral("%1: the PDF is outside the archive and has no plain text representation")
                            .arg(label));
                }
                if (s.otherSelections > 0)
                    report.leftOut.append(
                        QStringLiteral("%1: %2 area selections (Gloss codes text)").arg(label).arg(s.otherSelections));
            } else {
                report.leftOut.append(
                    QStringLiteral("%1: not text (Gloss holds text articles)%2")
                        .arg(label,
                            s.otherSelections > 0 ? QStringLiteral(", with %1 selections").arg(s.otherSelections)
                                                  : QString()));
                continue;
            }
        } catch (const OperationError &e) {
            return refuse(e.message());
        }
        if (!haveText) {
            if (s.kind == refi::SourceKind::Text)
                report.leftOut.append(QStringLiteral("%1: empty").arg(label));
            continue;
        }
        PlannedSource ps;
        ps.source = &s;
        ps.body = normaliseBody(text);
        model::Article &a = ps.article;
        a.title = stripExtension(s.name);
        a.body = ps.body.text;
        a.path = fileName(name) + u'#' + s.name;
        QList<refi::VariableValue> values = s.variables;
        for (const refi::VariableValue &v : caseValues.value(refi::normalGuid(s.guid)))
            values.append(v);
        for (const refi::VariableValue &v : std::as_const(values)) {
            const refi::Variable var = variables.value(refi::normalGuid(v.variableGuid));
            const QString value = v.value.trimmed();
            if (var.name.isEmpty() || value.isEmpty())
                continue;
            if (var.name == PublishedVariable
                || (var.type == refi::VariableType::Date && !a.published.isValid()
                    && var.name.compare(u"date", Qt::CaseInsensitive) == 0)) {
                const QDate d = QDate::fromString(value.left(10), Qt::ISODate);
                if (d.isValid() && !a.published.isValid()) {
                    a.published = d;
                    continue;
                }
            }
            if (var.name == SourceVariable && a.source.isEmpty()) {
                a.source = value;
                continue;
            }
            if (var.name == UrlVariable && a.url.isEmpty()) {
                a.url = value;
                continue;
            }
            if (var.name == AuthorVariable && a.author.isEmpty()) {
                a.author = value;
                continue;
            }
            if (var.name == DatelineVariable && a.dateline.isEmpty() && a.body.startsWith(value)) {
                a.dateline = value;
                continue;
            }
            const QString key = model::variableName(var.name);
            if (key.isEmpty() || !model::variableValue(a.variables, key).isNull())
                continue;
            if (a.variables.size() >= model::MaxImportedVariables || value.size() > model::MaxVariableValue) {
                report.leftOut.append(
                    QStringLiteral("%1: variable \"%2\" (too many or too long)").arg(label, var.name));
                continue;
            }
            model::setVariable(a.variables, key, value);
        }
        a.contentHash = model::contentHash(a.title, a.body);
        const qint64 length = qint64(ps.body.map.size()) - 1;
        for (const refi::Selection &sel : s.selections) {
            if (!selectionsFit) {
                report.leftOut.append(
                    QStringLiteral("%1: selection %2..%3 (its positions are in a text the file lacks)")
                        .arg(label)
                        .arg(sel.start)
                        .arg(sel.end));
                continue;
            }
            if (sel.start < 0 || sel.end > length || sel.start >= sel.end) {
                report.leftOut.append(QStringLiteral("%1: selection %2..%3 is %4 (the text has %5 characters)")
                                          .arg(label)
                                          .arg(sel.start)
                                          .arg(sel.end)
                                          .arg(sel.start >= sel.end ? QStringLiteral("empty or reversed")
                                                                    : QStringLiteral("beyond the source's end"))
                                          .arg(length));
                continue;
            }
            ps.selections.append(&sel);
        }
        planned.append(std::move(ps));
    }
    if (p.links > 0)
        report.leftOut.append(QStringLiteral("%1 links between items (Gloss has no links)").arg(p.links));
    if (p.graphs > 0)
        report.leftOut.append(QStringLiteral("%1 graphs").arg(p.graphs));
    if (!p.noteGuids.isEmpty())
        report.leftOut.append(QStringLiteral("%1 notes on the project as a whole").arg(p.noteGuids.size()));

    // All of it in one transaction: a failure stores none of it.
    try {
        m_writer.write(AllAreas, 0, [&] {
            storage::Store &store = m_writer.store();
            const QHash<QString, qint64> tagByGuid = applyCodes(m_project, store, p.codes, report);
            QHash<QString, qint64> articleByGuid;
            QSet<QString> coders;
            for (PlannedSource &ps : planned) {
                const refi::Source &s = *ps.source;
                qint64 articleId = 0;
                if (const auto there = store.articles().findByHash(ps.article.contentHash)) {
                    articleId = *there;
                    ++report.articlesThere;
                } else {
                    articleId = store.articles().insert(ps.article);
                    ++report.articles;
                    // Its entities and dates, found and stored as for any imported article.
                    model::Article stored = ps.article;
                    stored.id = articleId;
                    annotateArticle(m_project, stored);
                }
                articleByGuid.insert(refi::normalGuid(s.guid), articleId);

                QStringList articleNotes;
                if (!s.description.trimmed().isEmpty())
                    articleNotes.append(s.description.trimmed());
                for (const QString &g : s.noteGuids)
                    if (const QString n = notes.value(refi::normalGuid(g)); !n.isEmpty())
                        articleNotes.append(n);
                if (!articleNotes.isEmpty()) {
                    const QString before = store.highlights().articleNote(articleId, m_project.coder());
                    const QString add = articleNotes.join(QStringLiteral("\n\n"));
                    if (!before.contains(add)) {
                        m_project.annotations().setArticleNote(
                            articleId, before.isEmpty() ? add : before + QStringLiteral("\n\n") + add);
                        ++report.notes;
                    }
                }

                const QList<model::Highlight> existing = store.highlights().forArticle(articleId);
                for (const refi::Selection *sel : std::as_const(ps.selections)) {
                    // One highlight per coder: the codings of a selection grouped by who made them.
                    std::map<QString, QList<qint64>> byUser;
                    std::map<QString, QDateTime> createdBy;
                    const QString selUser = refi::normalGuid(sel->creatingUser);
                    for (const refi::Coding &c : sel->codings) {
                        const qint64 tag = tagByGuid.value(refi::normalGuid(c.codeGuid));
                        if (tag == 0) {
                            report.leftOut.append(
                                QStringLiteral("a coding of selection %1 in \"%2\": no code %3 in the codebook")
                                    .arg(sel->guid, s.name, c.codeGuid));
                            continue;
                        }
                        const QString user = c.creatingUser.isEmpty() ? selUser : refi::normalGuid(c.creatingUser);
                        QList<qint64> &tagsOf = byUser[user];
                        if (!tagsOf.contains(tag))
                            tagsOf.append(tag);
                        if (c.created.isValid() && !createdBy.count(user))
                            createdBy[user] = c.created;
                    }
                    if (byUser.empty())
                        byUser[selUser] = {};
                    QStringList noteParts;
                    if (!sel->description.trimmed().isEmpty())
                        noteParts.append(sel->description.trimmed());
                    for (const QString &g : sel->noteGuids)
                        if (const QString n = notes.value(refi::normalGuid(g)); !n.isEmpty())
                            noteParts.append(n);
                    const QString note = noteParts.join(QStringLiteral("\n\n"));
                    for (const auto &[user, tagIds] : byUser) {
                        model::Highlight h;
                        h.articleId = articleId;
                        h.start = ps.body.map.at(std::size_t(sel->start));
                        h.end = ps.body.map.at(std::size_t(sel->end));
                        if (h.end <= h.start)
                            continue; // a selection of a lone CR of a CRLF
                        h.tagIds = tagIds;
                        h.note = note;
                        h.coder = user.isEmpty() ? QString() : users.value(user);
                        if (!user.isEmpty() && h.coder.isEmpty())
                            report.warnings.append(
                                QStringLiteral("selection %1: user %2 is not among the project's users")
                                    .arg(sel->guid, sel->creatingUser));
                        bool there = false;
                        for (const model::Highlight &e : existing) {
                            QList<qint64> a = e.tagIds;
                            QList<qint64> b = h.tagIds;
                            std::sort(a.begin(), a.end());
                            std::sort(b.begin(), b.end());
                            if (e.start == h.start && e.end == h.end && a == b && e.coder == h.coder)
                                there = true;
                        }
                        if (there) {
                            ++report.highlightsThere;
                            continue;
                        }
                        qint64 id = 0;
                        m_project.annotations().addHighlight(h, &id);
                        const QDateTime created = createdBy.count(user) ? createdBy[user] : sel->created;
                        if (created.isValid() || sel->modified.isValid())
                            store.annotationLookups().setTimes(id, created.isValid() ? created : sel->modified,
                                sel->modified.isValid() ? sel->modified : created);
                        if (!h.coder.isEmpty())
                            coders.insert(h.coder);
                        if (!note.isEmpty())
                            ++report.notes;
                        ++report.highlights;
                    }
                }
            }
            report.coders = int(coders.size());

            for (const refi::Set &set : p.sets) {
                QList<qint64> members;
                for (const QString &g : set.sourceGuids)
                    if (const qint64 a = articleByGuid.value(refi::normalGuid(g)); a != 0 && !members.contains(a))
                        members.append(a);
                if (!set.codeGuids.isEmpty() || !set.noteGuids.isEmpty())
                    report.leftOut.append(
                        QStringLiteral("set \"%1\": its %2 codes and notes (a Gloss set holds articles)")
                            .arg(set.name)
                            .arg(set.codeGuids.size() + set.noteGuids.size()));
                const QString setName
                    = set.name.trimmed().isEmpty() ? QStringLiteral("(unnamed set)") : set.name.trimmed();
                if (members.isEmpty() && !set.sourceGuids.isEmpty())
                    continue;
                if (members.isEmpty() && (!set.codeGuids.isEmpty() || !set.noteGuids.isEmpty()))
                    continue;
                if (const auto there = m_project.sets().find(setName))
                    m_project.sets().addArticles(*there, members);
                else
                    m_project.sets().create(setName, members);
                ++report.sets;
            }
        });
    } catch (const OperationError &e) {
        return refuse(QStringLiteral("nothing was imported: %1").arg(e.message()));
    }
    return report;
}

RefiImportReport RefiQda::importCodebook(const QString &path)
{
    m_writer.refuseIfReadOnly();
    RefiImportReport report;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return report;
    }
    if (file.size() > refi::ArchiveLimits{}.maxQdeBytes) {
        report.error = QStringLiteral("%1: too large for a codebook (%2 bytes)").arg(path).arg(file.size());
        return report;
    }
    const QByteArray bytes = file.readAll();
    const refi::CodebookReadResult read = refi::readCodebookXml(bytes);
    if (!read.error.isEmpty()) {
        report.error = QStringLiteral("%1: cannot be read as a codebook: %2").arg(path, read.error);
        return report;
    }
    if (!read.sets.isEmpty())
        report.leftOut.append(QStringLiteral("%1 sets of codes (a Gloss set holds articles)").arg(read.sets.size()));
    try {
        m_writer.write(Area::Codebook, 0, [&] { applyCodes(m_project, m_writer.store(), read.codes, report); });
    } catch (const OperationError &e) {
        RefiImportReport refused;
        refused.error = QStringLiteral("%1: nothing was imported: %2").arg(path, e.message());
        return refused;
    }
    return report;
}

} // namespace gloss::operations
