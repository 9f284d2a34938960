// Replays files through a fuzz target without libFuzzer, so the gcc test build (with ASan and
// UBSan) runs the seed and regression corpora: `fuzzreplay_X DIR_OR_FILE...`. A crash, a sanitizer
// report or an abort in the target fails the test.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        QStringList files;
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
            files.sort();
        } else if (QFileInfo::exists(path)) {
            files.append(path);
        }
        for (const QString &file : files) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
                return 1;
            }
            const QByteArray bytes = f.readAll();
            // A copy of exactly `size` bytes, so ASan sees a read past the end.
            const QByteArray copy(bytes.constData(), bytes.size());
            LLVMFuzzerTestOneInput(
                reinterpret_cast<const uint8_t *>(copy.constData()), static_cast<size_t>(copy.size()));
            ++replayed;
        }
    }
    std::printf("replayed %d inputs\n", replayed);
    return replayed > 0 ? 0 : 1;
}
