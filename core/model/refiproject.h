#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace gloss::model::refi {

// The REFI-QDA (QDA-XML 1.0) project as Gloss reads and writes it: the parts of project.qde that
// carry meaning for a text-coding tool, with GUIDs kept as the file spells them (see normalGuid).
// Positions are the standard's: Unicode code points from 0, the end exclusive (endPosition -
// startPosition is the selection's length), which are Gloss's own offsets into an article's body.

struct User
{
    QString guid;
    QString name;
};

struct Code
{
    QString guid;
    QString name;
    QString color; // "#rrggbb" (or "#rgb" as read); empty when none
    QString description;
    bool codable = true;
    QList<Code> children;
};

struct Coding
{
    QString guid;
    QString codeGuid;
    QString creatingUser;
    QDateTime created;
};

struct Selection
{
    QString guid;
    QString name;
    qint64 start = 0;
    qint64 end = 0;
    QString description;
    QString creatingUser;
    QDateTime created;
    QDateTime modified;
    QList<Coding> codings;
    QStringList noteGuids;
};

enum class VariableType { Text, Boolean, Integer, Float, Date, DateTime };

struct Variable
{
    QString guid;
    QString name;
    VariableType type = VariableType::Text;
    QString description;
};

struct VariableValue
{
    QString variableGuid;
    VariableType type = VariableType::Text;
    QString value; // as written in the XML (a date as YYYY-MM-DD)
};

enum class SourceKind { Text, Picture, Pdf, Audio, Video };

struct Source
{
    SourceKind kind = SourceKind::Text;
    QString guid;
    QString name;
    QString description;
    // Text sources: the text either inline or in a file the path names ("internal://x.txt").
    bool hasInlineText = false;
    QString inlineText;
    QString plainTextPath;
    QString richTextPath;
    // Other sources: their file, and a PDF's plain text representation when it has one.
    QString path;
    QString representationPath;
    bool hasRepresentationText = false;
    QString representationText;
    QList<Selection> selections; // a PDF's are its representation's text selections
    int otherSelections = 0; // picture, PDF area, audio and video selections (not read)
    QStringList noteGuids;
    QList<VariableValue> variables;
    QString creatingUser;
    QDateTime created;
    QDateTime modified;
};

struct Note
{
    QString guid;
    QString name;
    bool hasInlineText = false;
    QString text;
    QString plainTextPath;
    QString creatingUser;
    QDateTime created;
};

struct Set
{
    QString guid;
    QString name;
    QString description;
    QStringList codeGuids;
    QStringList sourceGuids;
    QStringList noteGuids;
};

struct Case
{
    QString guid;
    QString name;
    QString description;
    QList<VariableValue> variables;
    QStringList sourceGuids;
};

struct Project
{
    QString name;
    QString origin;
    QString description;
    QString creatingUser;
    QDateTime created;
    QDateTime modified;
    QList<User> users;
    QList<Code> codes;
    QList<Variable> variables;
    QList<Case> cases;
    QList<Source> sources;
    QList<Note> notes;
    QList<Set> sets;
    QStringList noteGuids; // notes on the project as a whole
    int links = 0; // read, not kept
    int graphs = 0;
};

// A GUID as compared: lower case, without braces and spaces. Empty when `text` is not a GUID.
QString normalGuid(const QString &text);
// A stable GUID for `key` under the project's own GUID (name-based, SHA-1): the same project and
// key give the same GUID on every export.
QString derivedGuid(const QUuid &project, const QString &key);

QString variableTypeName(VariableType type);
VariableType variableTypeFromName(const QString &name, bool *ok = nullptr);

} // namespace gloss::model::refi
