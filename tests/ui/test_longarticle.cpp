#include "articles/articlelistpanel.h"
#include "mainwindow.h"
#include "operations/project.h"
#include "reader/bodypieces.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "storage/store.h"
#include "support/windowfixture.h"
#include "text/codepoints.h"

#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QTest>
#include <QTextBoundaryFinder>
#include <QTextBlock>

#include <catch2/catch.hpp>

namespace {

using gloss::ui::BodyPieces;
using gloss::ui::BodyView;
using Side = BodyPieces::Side;

// News prose with emoji (surrogate pairs), a flag (two pairs) and accents, repeated to `units`.
QString prose(qsizetype units)
{
    const QString sentence = QStringLiteral("Fans posted 😀 and 🇵🇰 as Núñez arrived in Zürich on Thursday. ");
    QString out;
    while (out.size() < units)
        out += sentence;
    return out;
}

// A run of emoji without a space: pieces are cut between two of them.
QString emojiRun(qsizetype count)
{
    QString out;
    for (qsizetype i = 0; i < count; ++i)
        out += i % 7 == 3 ? QStringLiteral("👍🏽") : QStringLiteral("😀"); // a skin tone: two pairs, one cluster
    return out;
}

// The body: a short paragraph, a long one of prose, a long one of emoji only, a short one.
QString longBody()
{
    return QStringLiteral("A short first paragraph.\n") + prose(35'000) + u'\n' + emojiRun(9'000)
        + QStringLiteral("\nThe end.");
}

} // namespace

TEST_CASE("long paragraphs are cut into pieces that map exactly to the body's code points", "[ui][reader][long]")
{
    const QString body = longBody();
    const BodyPieces pieces(body);
    const QList<qsizetype> &cuts = pieces.cuts();
    REQUIRE(cuts.size() >= 5); // 35,000 units of prose and 19,000 of emoji

    // Pieces: no longer than MaxPiece, cut after a space where the paragraph has one, and never
    // inside a surrogate pair or between an emoji and its skin tone.
    QList<qsizetype> bounds = {0};
    for (qsizetype i = 0; i < body.size(); ++i)
        if (body.at(i) == u'\n')
            bounds.append(i + 1);
    bounds.append(cuts);
    bounds.append(body.size() + 1);
    std::sort(bounds.begin(), bounds.end());
    for (qsizetype i = 0; i + 1 < bounds.size(); ++i)
        CHECK(bounds.at(i + 1) - bounds.at(i) <= BodyPieces::MaxPiece + 1);
    const qsizetype emojiStart = body.indexOf(QStringLiteral("😀😀"));
    for (const qsizetype cut : cuts) {
        CHECK_FALSE(body.at(cut).isLowSurrogate());
        if (cut < emojiStart)
            CHECK(body.at(cut - 1) == u' ');
        else
            CHECK_FALSE(body.at(cut).unicode() == 0xD83C); // the skin tone's high half
    }

    // The document's text is the body with a paragraph break at each cut.
    const QString shown = pieces.documentText(body, 0, body.size());
    REQUIRE(shown.size() == pieces.documentSize());
    for (qsizetype i = 0; i < cuts.size(); ++i)
        CHECK(shown.at(cuts.at(i) + i) == QChar::ParagraphSeparator);
    for (qsizetype d = 0; d < shown.size(); ++d)
        if (shown.at(d) != QChar::ParagraphSeparator)
            REQUIRE(shown.at(d) == body.at(pieces.utf16OfDocument(d)));

    // Code points <-> UTF-16 as the core's offsets contract has it, and <-> document positions
    // both ways, on both sides of a cut.
    const gloss::text::OffsetMap offsets(body);
    REQUIRE(pieces.codePointCount() == gloss::text::codePointLength(body));
    for (qsizetype cp = 0; cp <= pieces.codePointCount(); ++cp) {
        REQUIRE(pieces.utf16OfCodePoint(cp) == offsets.toUtf16(cp));
        REQUIRE(pieces.codePointOfDocument(pieces.documentOfCodePoint(cp, Side::Start)) == cp);
        REQUIRE(pieces.codePointOfDocument(pieces.documentOfCodePoint(cp, Side::End)) == cp);
    }
    for (qsizetype u = 0; u <= body.size(); ++u)
        REQUIRE(pieces.codePointOfUtf16(u) == offsets.toCodePoints(u));
    const qsizetype cut = cuts.first();
    CHECK(pieces.documentOfUtf16(cut, Side::End) == cut); // the end of the first piece
    CHECK(pieces.documentOfUtf16(cut, Side::Start) == cut + 1); // the start of the second
    // The text under a document range across a cut is the body's, without the break.
    CHECK(pieces.bodyText(body, cut - 30, cut + 31) == body.mid(cut - 30, 60));

    // A paragraph of exactly MaxPiece units is not cut; a body without long paragraphs has no cuts.
    CHECK(BodyPieces(QString(BodyPieces::MaxPiece, u'x')).cuts().isEmpty());
    CHECK(BodyPieces(QString(BodyPieces::MaxPiece + 1, u'x')).cuts().size() == 1);
    CHECK(BodyPieces(QStringLiteral("Fans posted 😀\nand left.")).documentSize() == 24);
}

namespace {

struct LongFixture : gloss::test::WindowFixture
{
    QString body = longBody();
    qint64 articleId = 0;
    qint64 tag = 0;

    LongFixture()
    {
        articleId = tp.addArticle(QStringLiteral("A long article"), body, QDate(2018, 6, 9));
        tag = tp.project().store().tags().create(QStringLiteral("Actors"));
        open(articleId);
    }

    BodyView *view() { return reader()->textView(); }

    // Selects document positions [from, to) the way a user does: the cursor put at the start,
    // then Shift+Right until the end.
    void selectWithKeys(qsizetype from, qsizetype to)
    {
        QTextCursor c = view()->textCursor();
        c.setPosition(int(from));
        view()->setTextCursor(c);
        view()->setFocus();
        for (int i = 0; i < 200 && view()->textCursor().position() < to; ++i)
            QTest::keyClick(view(), Qt::Key_Right, Qt::ShiftModifier);
        REQUIRE(view()->textCursor().position() == to);
    }
};

} // namespace

TEST_CASE("a highlight made across a piece boundary stores the exact code points", "[ui][reader][long]")
{
    LongFixture f;
    const BodyPieces &pieces = f.view()->pieces();
    REQUIRE(pieces.cuts().size() >= 5);
    // Around the first cut in the prose and the first in the emoji: 20 code points either side.
    const qsizetype emojiStart = f.body.indexOf(QStringLiteral("😀😀"));
    const qsizetype emojiCut
        = *std::find_if(pieces.cuts().cbegin(), pieces.cuts().cend(), [&](qsizetype c) { return c > emojiStart; });
    for (const qsizetype cut : {pieces.cuts().first(), emojiCut}) {
        INFO("cut at UTF-16 " << cut);
        const qint64 cutCp = pieces.codePointOfUtf16(cut);
        // Ends between two clusters, as keys move by clusters: not inside a flag or a skin tone.
        QTextBoundaryFinder clusters(QTextBoundaryFinder::Grapheme, f.body);
        const auto clusterEdge = [&](qint64 cp) {
            clusters.setPosition(gloss::text::toUtf16(f.body, cp));
            return clusters.isAtBoundary() ? cp : gloss::text::toCodePoints(f.body, clusters.toNextBoundary());
        };
        const qint64 startCp = clusterEdge(cutCp - 20);
        const qint64 endCp = clusterEdge(cutCp + 20);
        const QString expected = gloss::text::sliceCodePoints(f.body, startCp, endCp);
        REQUIRE(expected.contains(QStringLiteral("😀")));
        // The selection runs over the break: the document has one position more than the body.
        const qsizetype from = pieces.documentOfCodePoint(startCp);
        const qsizetype to = pieces.documentOfCodePoint(endCp);
        REQUIRE(to - from == gloss::text::toUtf16(f.body, endCp) - gloss::text::toUtf16(f.body, startCp) + 1);
        f.selectWithKeys(from, to);
        REQUIRE(f.reader()->selectionInCodePoints() == std::make_pair(startCp, endCp));

        // Copying gives the body's text, without the break between the pieces.
        f.view()->copy();
        CHECK(QApplication::clipboard()->text() == expected);

        // Coding it stores the code points of the text selected, and paints it on both pieces.
        f.reader()->applyTag(f.tag);
        const QList<gloss::model::Highlight> stored = f.project().store().highlights().forArticle(f.articleId);
        const auto it = std::find_if(stored.cbegin(), stored.cend(), [&](const auto &h) { return h.start == startCp; });
        REQUIRE(it != stored.cend());
        CHECK(it->end == endCp);
        CHECK(it->quote == expected);
        QString painted;
        for (const BodyView::Span &span : f.view()->spans())
            if (pieces.codePointOfDocument(span.start) >= startCp && pieces.codePointOfDocument(span.end) <= endCp)
                painted += f.view()->spanText(span);
        CHECK(painted == expected);
        const QTextBlock first = f.view()->document()->findBlock(int(from));
        CHECK(first.next().position() <= to); // two paragraphs of the document...
        CHECK(first.layout()->formats().size() == 1); // ...each with its part of the highlight
        CHECK(first.next().layout()->formats().size() == 1);

        // A click on the second piece's part selects the highlight.
        f.reader()->selectHighlight(0);
        const QRect inSecond = f.view()->cursorRect([&] {
            QTextCursor c(f.view()->document());
            c.setPosition(first.next().position() + 4);
            return c;
        }());
        QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, inSecond.center());
        CHECK(f.reader()->selectedHighlight() == it->id);

        // A mention mark and a date's selection across the break select the same text.
        f.reader()->setEntityMarks({{startCp, endCp}}, 0);
        CHECK(pieces.bodyText(f.body, f.view()->textCursor().selectionStart(), f.view()->textCursor().selectionEnd())
            == expected);
        f.reader()->setEntityMarks({});
        f.reader()->selectRange(startCp, endCp);
        CHECK(f.reader()->selectionInCodePoints() == std::make_pair(startCp, endCp));
    }
}

TEST_CASE("a body too long to lay out at once opens at its start and fills in", "[ui][reader][long]")
{
    // Just past the size shown progressively, to keep the test quick under the sanitizers; tools/
    // long-article.py and docs/performance.md try 60 and 150 MB.
    gloss::test::WindowFixture f;
    const QString body = prose(BodyView::ProgressiveAbove + 3 * BodyView::ChunkSize / 2);
    const qint64 id = f.tp.addArticle(QStringLiteral("Very long"), body, QDate(2018, 6, 9));
    const qint64 cpCount = gloss::text::codePointLength(body);
    gloss::model::Highlight h; // near the end, with a note
    h.articleId = id;
    h.start = cpCount - 30;
    h.end = cpCount - 10;
    h.note = QStringLiteral("the last words");
    f.tp.project().store().highlights().add(h);
    f.open();
    BodyView *view = f.reader()->textView();
    QSignalSpy shown(view, &BodyView::bodyShown);

    f.window->articleList()->selectArticle(id);
    REQUIRE(f.reader()->articleId() == id);
    // At first only a part is in the document; the rest arrives while the window takes events.
    CHECK(view->isLoading());
    CHECK(view->document()->characterCount() - 1 < view->pieces().documentSize());
    REQUIRE(shown.wait(60'000));
    CHECK_FALSE(view->isLoading());
    REQUIRE(view->document()->characterCount() - 1 == view->pieces().documentSize());
    CHECK(view->document()->blockCount() == view->pieces().cuts().size() + 1);
    CHECK(view->pieces().bodyText(body, 0, view->pieces().documentSize()) == body);

    // The highlight at the end was painted when its text arrived.
    QString painted;
    for (const BodyView::Span &span : view->spans())
        painted += view->spanText(span);
    CHECK(painted == gloss::text::sliceCodePoints(body, h.start, h.end));
    const QTextBlock last = view->document()->lastBlock();
    REQUIRE(last.layout()->formats().size() == 1);

    // Going to a place not yet shown puts the text up to it into the document at once.
    f.reader()->showArticle(0);
    f.reader()->showArticle(id);
    REQUIRE(view->isLoading());
    f.reader()->selectRange(cpCount - 8, cpCount - 1);
    CHECK(f.reader()->selectionInCodePoints() == std::make_pair(qint64(cpCount - 8), qint64(cpCount - 1)));
}
