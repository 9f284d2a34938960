#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "export/exportdialog.h"
#include "export/refiactions.h"
#include "interchange/annotationimporter.h"
#include "interchange/exporter.h"
#include "mainwindow.h"
#include "operations/interchange.h"
#include "support/windowfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <catch2/catch.hpp>

namespace {

void addHighlight(gloss::Project &p, qint64 article, qint64 start, qint64 end, const QString &tag)
{
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = start;
    h.end = end;
    h.tagIds = {p.store().tags().ensure(tag)};
    p.store().highlights().add(h);
}

// Three articles, three highlights under three tags, and a set.
void addSamples(gloss::test::TempProject &tp)
{
    const qint64 a = tp.addArticle(
        QStringLiteral("Floods in São Paulo"), QStringLiteral("Rain fell 😀 for a week."), QDate(2018, 2, 1));
    const qint64 b
        = tp.addArticle(QStringLiteral("Talks in Doha"), QStringLiteral("=Envoys met, again."), QDate(2018, 6, 9));
    tp.addArticle(QStringLiteral("Tariffs"), QStringLiteral("Steel and olives."), QDate(2018, 7, 1));
    addHighlight(tp.project(), a, 0, 4, QStringLiteral("Weather > Rain"));
    addHighlight(tp.project(), a, 10, 11, QStringLiteral("Emoji"));
    addHighlight(tp.project(), b, 0, 7, QStringLiteral("Diplomacy"));
    const qint64 set = tp.project().store().sets().create(QStringLiteral("Doha"));
    tp.project().store().sets().addArticles(set, {b});
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("the export dialog previews the rows of each layout and scope and writes the file", "[ui][export]")
{
    gloss::test::TempProject tp;
    addSamples(tp);
    gloss::ui::Document document(tp.take());
    gloss::ui::ExportDialog dialog(document, nullptr);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));

    QTableWidget *preview = dialog.preview();
    QTRY_VERIFY(dialog.isPreviewReady());
    REQUIRE(preview->columnCount() == 13);
    CHECK(preview->horizontalHeaderItem(8)->text() == u"tag");
    CHECK(preview->rowCount() == 3);
    CHECK(preview->item(0, 7)->text() == u"Rain"); // 2018-02-01 comes first
    CHECK(preview->item(2, 7)->text() == u"'=Envoys"); // as written: guarded
    CHECK(dialog.excelBox()->isChecked());
    CHECK_FALSE(dialog.bodyBox()->isEnabled());

    dialog.layoutBox()->setCurrentIndex(dialog.layoutBox()->findData(int(gloss::interchange::Layout::Articles)));
    QTRY_VERIFY(dialog.isPreviewReady());
    CHECK(preview->columnCount() == 12);
    CHECK(preview->rowCount() == 3);
    REQUIRE(dialog.bodyBox()->isEnabled());
    QTest::mouseClick(dialog.bodyBox(), Qt::LeftButton, {}, QPoint(8, dialog.bodyBox()->height() / 2));
    QTRY_VERIFY(dialog.isPreviewReady());
    CHECK(preview->columnCount() == 13);
    CHECK(dialog.fileEdit()->text().endsWith(QStringLiteral("test-articles.csv")));

    dialog.scopeBox()->setCurrentIndex(dialog.scopeBox()->findData(int(gloss::ui::ExportDialog::Set)));
    REQUIRE(dialog.setBox()->isVisible());
    QTRY_VERIFY(dialog.isPreviewReady());
    CHECK(preview->rowCount() == 1);
    CHECK(preview->item(0, 1)->text() == u"Talks in Doha");

    QTemporaryDir out;
    const QString file = out.filePath(QStringLiteral("doha.csv"));
    dialog.fileEdit()->clear();
    QTest::keyClicks(dialog.fileEdit(), file);
    QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 10000);
    CHECK(dialog.report()->text().contains(QStringLiteral("Wrote 1 row to")));
    CHECK(dialog.report()->text().contains(file));
    const QByteArray data = readAll(file);
    CHECK(data.startsWith("\xEF\xBB\xBF"
                          "article_id,title,"));
    CHECK(data.contains("Talks in Doha"));
    CHECK(data.contains(",'=Envoys met, again.") == false); // the body is quoted: it holds a comma
    CHECK(data.contains(",\"'=Envoys met, again.\"\r\n"));
    CHECK(data.count("\r\n") == 2);

    // A folder that does not exist: the report says so and names it.
    dialog.fileEdit()->setText(out.filePath(QStringLiteral("missing/doha.csv")));
    dialog.startExport();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 10000);
    CHECK(dialog.report()->text().contains(QStringLiteral("does not exist")));
}

TEST_CASE("File > Export… starts from the articles selected in the list", "[ui][export]")
{
    gloss::test::WindowFixture f;
    addSamples(f.tp);
    f.open();
    gloss::ui::Document &document = *f.document;
    gloss::ui::MainWindow &window = *f.window;
    QTableView *view = window.articleList()->view();
    view->selectRow(0);
    view->selectionModel()->select(
        window.articleList()->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);

    gloss::ui::ExportDialog dialog(document, window.articleList());
    CHECK(
        gloss::ui::ExportDialog::Scope(dialog.scopeBox()->currentData().toInt()) == gloss::ui::ExportDialog::Selection);
    QTRY_VERIFY(dialog.isPreviewReady());
    CHECK(dialog.preview()->rowCount() == 3); // the highlights of the first two articles

    bool hasExport = false;
    for (QAction *a : window.findChildren<QAction *>())
        hasExport = hasExport || a->text().contains(QStringLiteral("Export"));
    CHECK(hasExport);
}

TEST_CASE("File > Import Annotations reads an export into another project and tells the window", "[ui][export]")
{
    gloss::test::TempProject from;
    addSamples(from);
    gloss::ui::Document source(from.take());
    QTemporaryDir out;
    const QString file = out.filePath(QStringLiteral("h.csv"));
    gloss::interchange::ExportOptions options;
    options.bom = true;
    REQUIRE(source.project().interchange().exportFile(file, options).ok());

    gloss::test::TempProject to;
    to.addArticle(QStringLiteral("Talks in Doha"), QStringLiteral("=Envoys met, again."), QDate(2018, 6, 9));
    to.addArticle(QStringLiteral("Floods in São Paulo"), QStringLiteral("Rain fell 😀 for a week."), QDate(2018, 2, 1));
    gloss::ui::Document document(to.take());
    QSignalSpy changed(&document, &gloss::ui::Document::changed);
    const auto report = gloss::ui::importAnnotationsFrom(document, file);
    CHECK(report.ok());
    CHECK(report.highlightsCreated == 3);
    CHECK(report.tagsCreated == 4);
    CHECK(changed.size() == 1);
    CHECK(document.project().store().highlights().count() == 3);
}

TEST_CASE("File > REFI-QDA > Export Project writes the archive on a worker while the window keeps running",
    "[ui][export][refi]")
{
    gloss::test::WindowFixture f;
    addSamples(f.tp);
    f.open();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("study.qdpx"));
    // The window's thread goes on handling events during the export: a timer fires meanwhile, and
    // the export itself runs on another thread.
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(0);
    const gloss::operations::RefiExportResult result
        = gloss::ui::exportRefiProjectInBackground(f.project().path(), path, {}, f.window.get());
    ticker.stop();
    REQUIRE(result.ok());
    CHECK(ticks > 0);
    CHECK(result.sources == 3);
    CHECK(result.selections == 3);
    CHECK(readAll(path).startsWith("PK")); // a zip
    // What was written reads back: the same three articles and highlights in a new project.
    gloss::test::TempProject other;
    const gloss::operations::RefiImportReport back = other.project().refiQda().importProject(path);
    REQUIRE(back.ok());
    CHECK(back.articles == 3);
    CHECK(back.highlights == 3);

    // A file that cannot be written: refused with its name, nothing left behind.
    const QString bad = dir.filePath(QStringLiteral("missing/folder/study.qdpx"));
    const gloss::operations::RefiExportResult refused
        = gloss::ui::exportRefiProjectInBackground(f.project().path(), bad, {}, f.window.get());
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.contains(QStringLiteral("study.qdpx")));
    CHECK_FALSE(QFile::exists(bad));
}
