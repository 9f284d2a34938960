#include "import/preparer.h"

#include "import/decoder.h"
#include "import/documents/documents.h"
#include "import/reader.h"
#include "model/contenthash.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace gloss::import {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) == 0 ? 0 : 1);
}

// Sources prepared ahead of the thread that stores them, in order, a bounded number at a time.
template <typename T> class ReadAhead
{
public:
    explicit ReadAhead(qsizetype capacity)
        : m_capacity(capacity)
    { }

    // Producer: false when the consumer has stopped.
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || qsizetype(m_items.size()) < m_capacity; });
        if (m_stopped)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }
    // Consumer: nothing when the producer finished without another item.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_finished || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }
    bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    qsizetype m_capacity;
    bool m_finished = false;
    bool m_stopped = false;
};

constexpr qsizetype Readers = 2;

} // namespace

struct Preparer::State
{
    QList<ImportSource> sources;
    ImportOptions options;
    std::array<ReadAhead<PreparedFile>, Readers> ahead{ReadAhead<PreparedFile>(8), ReadAhead<PreparedFile>(8)};
    std::array<std::thread, Readers> readers;
    qsizetype taken = 0;
};

Preparer::Preparer(QList<ImportSource> sources, ImportOptions options)
    : m_state(std::make_unique<State>())
{
    State &s = *m_state;
    s.sources = std::move(sources);
    s.options = std::move(options);
    const auto cancelled = [&s] { return s.options.cancel && s.options.cancel->load(std::memory_order_relaxed); };
    for (qsizetype k = 0; k < Readers; ++k)
        s.readers[k] = std::thread([&s, k, cancelled] {
            for (qsizetype i = k; i < s.sources.size(); i += Readers) {
                if (s.ahead[k].stopped() || cancelled() || !s.ahead[k].push(prepare(s.sources.at(i), s.options)))
                    break;
            }
            s.ahead[k].finish();
        });
}

Preparer::~Preparer()
{
    for (ReadAhead<PreparedFile> &a : m_state->ahead)
        a.stop();
    for (std::thread &t : m_state->readers)
        if (t.joinable())
            t.join();
}

std::optional<PreparedFile> Preparer::next()
{
    return m_state->ahead[m_state->taken++ % Readers].pop();
}

PreparedFile Preparer::prepare(const ImportSource &source, const ImportOptions &options)
{
    PreparedFile out;
    out.name = source.name;
    QByteArray bytes;
    if (source.inMemory) {
        bytes = source.data;
    } else {
        QFile file(source.name);
        const qint64 size = QFileInfo(source.name).size();
        if (size > options.maxFileBytes) {
            out.refused.append({source.name,
                QStringLiteral("file too large (%1 MiB; the limit is %2 MiB)")
                    .arg(megabytes(size), megabytes(options.maxFileBytes))});
            return out;
        }
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            out.refused.append({source.name, QStringLiteral("cannot read it: %1").arg(file.errorString())});
            return out;
        }
        // As many bytes as the file holds (asking QIODevice for the limit would allocate 64 MiB
        // for every 3 KB article), and on up to the limit if it grew since we looked.
        bytes = file.read(std::min(size, options.maxFileBytes) + 1);
        if (bytes.size() > size && bytes.size() <= options.maxFileBytes)
            bytes += file.read(options.maxFileBytes + 1 - bytes.size());
    }
    out.bytes = bytes.size();
    if (bytes.size() > options.maxFileBytes) {
        out.refused.append({source.name,
            QStringLiteral("file too large (%1 MiB; the limit is %2 MiB)")
                .arg(megabytes(bytes.size()), megabytes(options.maxFileBytes))});
        return out;
    }
    // Word, OpenDocument, RTF and PDF files: their text is read as a text file's is.
    const DocumentKind document = detectDocument(source.name, bytes);
    DocumentParts parts;
    DecodedText decoded;
    if (document != DocumentKind::None) {
        parts = readDocumentParts(document, bytes, options.maxFileBytes);
        bytes.clear();
        decoded.text = normalizeLineEnds(std::move(parts.text));
        decoded.error = parts.error;
        decoded.warning = parts.warning;
    } else {
        decoded = decodeText(bytes);
        bytes.clear();
    }
    if (!decoded.ok()) {
        out.refused.append({source.name, decoded.error});
        return out;
    }
    if (!decoded.warning.isEmpty())
        out.warnings.append({source.name, decoded.warning});

    const Format format = document != DocumentKind::None ? documentTextFormat(source.name, decoded.text)
                                                         : detectFormat(source.name, decoded.text);
    ReadResult read = readArticles(format, decoded.text);
    decoded.text.clear();
    if (document != DocumentKind::None)
        applyDocumentProperties(read.articles, parts);
    for (const RecordProblem &p : std::as_const(read.refused))
        out.refused.append({source.name, p.text()});
    for (const RecordProblem &p : std::as_const(read.warnings))
        out.warnings.append({source.name, p.text()});
    if (read.articles.isEmpty() && read.refused.isEmpty())
        out.refused.append({source.name,
            QStringLiteral("no article found in this %1 file")
                .arg(document != DocumentKind::None ? documentKindName(document) : formatName(format))});
    out.articles = std::move(read.articles);
    for (model::Article &article : out.articles) {
        article.path = source.name;
        article.contentHash = model::contentHash(article.title, article.body);
        if (options.analyse) {
            try {
                out.stores.append(options.analyse(article));
            } catch (const std::exception &e) {
                const QString what = QString::fromLocal8Bit(e.what());
                out.stores.append([what](Project &, const model::Article &) {
                    throw std::runtime_error(what.toLocal8Bit().toStdString());
                });
            }
        }
    }
    return out;
}

} // namespace gloss::import
