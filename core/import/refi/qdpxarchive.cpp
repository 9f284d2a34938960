#include "import/refi/qdpxarchive.h"

#include "import/documents/zipparts.h"

#include <QFile>
#include <QStringDecoder>

namespace gloss::import::refi {

namespace {

const QString Internal = QStringLiteral("internal://");

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) == 0 ? 0 : 1);
}

} // namespace

QString unsafePathReason(const QString &name)
{
    if (name.startsWith(u'/') || name.startsWith(u'\\'))
        return QStringLiteral("an absolute path (\"%1\")").arg(name);
    if (name.size() >= 2 && name.at(1) == u':' && name.at(0).isLetter())
        return QStringLiteral("an absolute path with a drive letter (\"%1\")").arg(name);
    const QStringList parts = QString(name).replace(u'\\', u'/').split(u'/');
    if (parts.contains(QStringLiteral("..")))
        return QStringLiteral("a path that leaves the archive (\"%1\")").arg(name);
    return {};
}

QdpxArchive::~QdpxArchive() = default;

std::unique_ptr<QdpxArchive> QdpxArchive::open(const QString &path, const ArchiveLimits &limits, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return nullptr;
    }
    if (file.size() > limits.maxArchiveBytes) {
        error = QStringLiteral("the file is %1 MiB (the limit is %2 MiB)")
                    .arg(mib(file.size()), mib(limits.maxArchiveBytes));
        return nullptr;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        error = file.errorString();
        return nullptr;
    }
    return fromBytes(std::move(bytes), limits, error);
}

std::unique_ptr<QdpxArchive> QdpxArchive::fromBytes(QByteArray bytes, const ArchiveLimits &limits, QString &error)
{
    std::unique_ptr<QdpxArchive> archive(new QdpxArchive);
    if (!archive->init(std::move(bytes), limits, error))
        return nullptr;
    return archive;
}

bool QdpxArchive::init(QByteArray bytes, const ArchiveLimits &limits, QString &error)
{
    m_limits = limits;
    m_bytes = std::move(bytes);
    if (!m_bytes.startsWith("PK")) {
        error = QStringLiteral("not a REFI-QDA project: a .qdpx is a ZIP archive, and this is not one");
        return false;
    }
    m_zip = std::make_unique<documents::ZipParts>(m_bytes);
    if (!m_zip->error().isEmpty()) {
        error = QStringLiteral("not a REFI-QDA project: %1").arg(m_zip->error());
        return false;
    }
    m_entries = m_zip->names();
    for (const QString &name : std::as_const(m_entries)) {
        const QString why = unsafePathReason(name);
        if (!why.isEmpty()) {
            error = QStringLiteral("refused: the archive holds %1").arg(why);
            return false;
        }
    }
    // project.qde at the top; some writers put the project in one folder, or spell it otherwise.
    QString qde;
    for (const QString &name : std::as_const(m_entries))
        if (name.compare(u"project.qde", Qt::CaseInsensitive) == 0)
            qde = name;
    if (qde.isEmpty()) {
        QStringList found;
        for (const QString &name : std::as_const(m_entries))
            if (name.endsWith(u".qde", Qt::CaseInsensitive))
                found.append(name);
        if (found.size() == 1)
            qde = found.first();
    }
    if (qde.isEmpty()) {
        error = QStringLiteral("not a REFI-QDA project: the archive holds no project.qde");
        return false;
    }
    QString why;
    const std::optional<QByteArray> xml = m_zip->read(qde.toUtf8().constData(), limits.maxQdeBytes, why);
    if (!xml) {
        error = why;
        return false;
    }
    m_qde = *xml;
    m_read += m_qde.size();
    return true;
}

std::optional<QByteArray> QdpxArchive::readInternal(const QString &url, QString &error, bool &fatal)
{
    fatal = false;
    if (!url.startsWith(Internal, Qt::CaseInsensitive)) {
        error = QStringLiteral("\"%1\" is outside the archive (only internal:// files are read)").arg(url);
        fatal = !unsafePathReason(url).isEmpty();
        return std::nullopt;
    }
    const QString name = url.mid(Internal.size());
    if (const QString why = unsafePathReason(name); !why.isEmpty() || name.isEmpty()) {
        error = why.isEmpty() ? QStringLiteral("an empty internal:// path") : QStringLiteral("refused: %1").arg(why);
        fatal = !why.isEmpty();
        return std::nullopt;
    }
    QString entry = u"sources/" + name;
    if (!m_entries.contains(entry)) {
        QString found;
        for (const QString &e : std::as_const(m_entries))
            if (e.compare(entry, Qt::CaseInsensitive) == 0 || e.compare(name, Qt::CaseInsensitive) == 0)
                found = e;
        if (found.isEmpty()) {
            error = QStringLiteral("%1 is not in the archive").arg(entry);
            return std::nullopt;
        }
        entry = found;
    }
    const qint64 room = std::min(m_limits.maxSourceBytes, m_limits.maxTotalBytes - m_read);
    QString why;
    std::optional<QByteArray> bytes = m_zip->read(entry.toUtf8().constData(), std::max<qint64>(room, 0), why);
    if (!bytes) {
        error = why;
        // A part past the limits is a bomb (or a project too large to read): the whole file goes.
        fatal = why.contains(u"MiB");
        return std::nullopt;
    }
    m_read += bytes->size();
    return bytes;
}

QString decodeSourceText(const QByteArray &bytes, QString &warning)
{
    warning.clear();
    QByteArrayView view(bytes);
    QStringConverter::Encoding encoding = QStringConverter::Utf8;
    if (view.startsWith("\xEF\xBB\xBF")) {
        view = view.sliced(3);
    } else if (view.startsWith("\xFF\xFE")) {
        encoding = QStringConverter::Utf16LE;
        view = view.sliced(2);
    } else if (view.startsWith("\xFE\xFF")) {
        encoding = QStringConverter::Utf16BE;
        view = view.sliced(2);
    }
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(view);
    if (decoder.hasError())
        warning = QStringLiteral("not valid UTF-8: the bytes that are not became U+FFFD, and positions after them "
                                 "may be off");
    return text;
}

} // namespace gloss::import::refi
