// Fuzz target: the REFI-QDA reader: a .qdpx package (bytes starting "PK", with small limits), or
// (what mutations reach best) the XML of a project.qde or a .qdc alone. Contract: what the reader
// accepts, Gloss writes back as XML that the reader accepts again with the same sources and codes.
#include "fuzzinput.h"
#include "import/refi/qdereader.h"
#include "import/refi/qdpxarchive.h"
#include "interchange/refi/qdewriter.h"

namespace {

int countCodes(const QList<gloss::model::refi::Code> &codes)
{
    int n = 0;
    for (const auto &c : codes)
        n += 1 + countCodes(c.children);
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace gloss::model::refi;
    using namespace gloss::import::refi;
    using namespace gloss::interchange::refi;
    QByteArray xml = gloss::fuzz::bytesOf(data, size);
    if (xml.startsWith("PK")) {
        ArchiveLimits limits;
        limits.maxQdeBytes = qint64(1) << 20;
        limits.maxSourceBytes = qint64(1) << 20;
        limits.maxTotalBytes = qint64(4) << 20;
        QString error;
        auto archive = QdpxArchive::fromBytes(xml, limits, error);
        if (!archive)
            return 0;
        xml = archive->projectXml();
        const QdeReadResult read = readProjectXml(xml);
        for (const Source &s : read.project.sources) {
            bool fatal = false;
            archive->readInternal(s.plainTextPath, error, fatal);
        }
    }
    const QdeReadResult read = readProjectXml(xml);
    if (read.error.isEmpty()) {
        const QdeReadResult again = readProjectXml(writeProjectXml(read.project));
        if (!again.error.isEmpty())
            gloss::fuzz::fail("Gloss's own project.qde does not read back", again.error);
        int textSources = 0;
        for (const Source &s : read.project.sources)
            textSources += s.kind == SourceKind::Text ? 1 : 0;
        if (again.project.sources.size() != textSources
            || countCodes(again.project.codes) != countCodes(read.project.codes))
            gloss::fuzz::fail("project.qde read back with other sources or codes");
    }
    const CodebookReadResult codebook = readCodebookXml(xml);
    if (codebook.error.isEmpty()) {
        const CodebookReadResult again = readCodebookXml(writeCodebookXml(codebook.codes, codebook.sets, {}));
        if (!again.error.isEmpty() || countCodes(again.codes) != countCodes(codebook.codes))
            gloss::fuzz::fail("Gloss's own .qdc does not read back", again.error);
    }
    QString warning;
    decodeSourceText(gloss::fuzz::bytesOf(data, size), warning);
    return 0;
}
