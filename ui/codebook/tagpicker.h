#pragma once

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace gloss::ui {

class Document;

// The quick tag picker (Code > Quick Tag…, Ctrl+T): a filter line over the codebook. Typing
// keeps the tags whose name or path contains the text (case-blind); recently used tags come
// first; Up/Down choose, Enter applies, Esc closes.
class TagPicker final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagPicker)

public:
    explicit TagPicker(Document &document, QWidget *parent = nullptr);

    // Reloads the codebook, clears the filter and shows the picker centred over `over`.
    void popup(QWidget *over);
    // The recently used tags, most recent first (the window keeps them per project).
    QList<qint64> recent() const { return m_recent; }
    void setRecent(const QList<qint64> &ids);

    QLineEdit *filterBox() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    // The tags shown now, in their order.
    QList<qint64> shownTags() const;

Q_SIGNALS:
    // Enter (or a click) on a tag; the picker has closed and put the tag first among the recent.
    void tagChosen(qint64 tagId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry
    {
        qint64 id = 0;
        QString path;
        QString color;
    };
    void reload();
    void applyFilter();
    void choose();

    Document &m_document;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QList<Entry> m_entries; // recent first, then codebook order
    QList<qint64> m_recent;
};

} // namespace gloss::ui
