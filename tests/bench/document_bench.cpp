// document-bench FILE... : how long reading a document takes (its text through the document
// reader, then the articles as an import reads them, no project), the median of 15 runs each.
// tools: tests/data/documents/make_documents.py --pdf-pages 20 --pdf-out /tmp/20.pdf writes the
// 20-page two-column PDF article of docs/performance.md. Run it on a Release build.
#include "import/preparer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int status = 0;
    for (const QString &path : app.arguments().mid(1)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: cannot read it\n", qPrintable(path));
            status = 1;
            continue;
        }
        const QByteArray bytes = f.readAll();
        std::vector<double> ms;
        gloss::import::PreparedFile last;
        for (int run = 0; run < 15; ++run) {
            QElapsedTimer timer;
            timer.start();
            last = gloss::import::Preparer::prepare({path, bytes, true}, gloss::import::ImportOptions{});
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        qsizetype chars = 0;
        for (const auto &a : last.articles)
            chars += a.body.size();
        std::printf("%s: %.1f KB, %lld article(s), %lld characters of body: median %.1f ms (min %.1f, max %.1f)%s\n",
            qPrintable(path), double(bytes.size()) / 1024.0, static_cast<long long>(last.articles.size()),
            static_cast<long long>(chars), ms[ms.size() / 2], ms.front(), ms.back(),
            last.refused.isEmpty() ? "" : qPrintable(u" refused: " + last.refused.first().reason));
    }
    return status;
}
