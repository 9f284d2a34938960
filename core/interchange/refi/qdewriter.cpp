#include "interchange/refi/qdewriter.h"

#include <QXmlStreamWriter>

namespace gloss::interchange::refi {

using namespace gloss::model::refi;

namespace {

QString stamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// ---- writing ----

class Out final
{
public:
    explicit Out(QByteArray *bytes)
        : w(bytes)
    {
        w.setAutoFormatting(true);
        w.setAutoFormattingIndent(1);
    }
    QXmlStreamWriter w;

    void attr(const QString &name, const QString &value)
    {
        if (!value.isEmpty())
            w.writeAttribute(name, value);
    }
    void stamps(const QString &user, const QDateTime &created, const QDateTime &modified = {},
        const QString &userAttr = QStringLiteral("creatingUser"))
    {
        attr(userAttr, user);
        if (created.isValid())
            w.writeAttribute(QStringLiteral("creationDateTime"), stamp(created));
        if (modified.isValid()) {
            attr(QStringLiteral("modifyingUser"), user);
            w.writeAttribute(QStringLiteral("modifiedDateTime"), stamp(modified));
        }
    }
    void text(const QString &element, const QString &value)
    {
        if (!value.isEmpty())
            w.writeTextElement(element, value);
    }
    void ref(const QString &element, const QString &guid)
    {
        w.writeEmptyElement(element);
        w.writeAttribute(QStringLiteral("targetGUID"), guid);
    }
    void refs(const QString &element, const QStringList &guids)
    {
        for (const QString &g : guids)
            ref(element, g);
    }
    void code(const Code &c, bool project)
    {
        w.writeStartElement(QStringLiteral("Code"));
        w.writeAttribute(QStringLiteral("guid"), c.guid);
        w.writeAttribute(QStringLiteral("name"), c.name);
        w.writeAttribute(QStringLiteral("isCodable"), c.codable ? QStringLiteral("true") : QStringLiteral("false"));
        attr(QStringLiteral("color"), c.color);
        text(QStringLiteral("Description"), c.description);
        Q_UNUSED(project)
        for (const Code &child : c.children)
            code(child, project);
        w.writeEndElement();
    }
    void variableValue(const VariableValue &v)
    {
        w.writeStartElement(QStringLiteral("VariableValue"));
        ref(QStringLiteral("VariableRef"), v.variableGuid);
        w.writeTextElement(variableTypeName(v.type) + u"Value", v.value);
        w.writeEndElement();
    }
    void selection(const Selection &s)
    {
        w.writeStartElement(QStringLiteral("PlainTextSelection"));
        w.writeAttribute(QStringLiteral("guid"), s.guid);
        attr(QStringLiteral("name"), s.name);
        w.writeAttribute(QStringLiteral("startPosition"), QString::number(s.start));
        w.writeAttribute(QStringLiteral("endPosition"), QString::number(s.end));
        stamps(s.creatingUser, s.created, s.modified);
        text(QStringLiteral("Description"), s.description);
        for (const Coding &c : s.codings) {
            w.writeStartElement(QStringLiteral("Coding"));
            w.writeAttribute(QStringLiteral("guid"), c.guid);
            stamps(c.creatingUser, c.created);
            ref(QStringLiteral("CodeRef"), c.codeGuid);
            w.writeEndElement();
        }
        refs(QStringLiteral("NoteRef"), s.noteGuids);
        w.writeEndElement();
    }
};

} // namespace

QByteArray writeProjectXml(const Project &p)
{
    QByteArray bytes;
    Out o(&bytes);
    QXmlStreamWriter &w = o.w;
    w.writeStartDocument();
    w.writeDefaultNamespace(ProjectNamespace);
    w.writeStartElement(ProjectNamespace, QStringLiteral("Project"));
    w.writeAttribute(QStringLiteral("name"), p.name);
    o.attr(QStringLiteral("origin"), p.origin);
    o.attr(QStringLiteral("creatingUserGUID"), p.creatingUser);
    if (p.created.isValid())
        w.writeAttribute(QStringLiteral("creationDateTime"), stamp(p.created));
    if (p.modified.isValid()) {
        o.attr(QStringLiteral("modifyingUserGUID"), p.creatingUser);
        w.writeAttribute(QStringLiteral("modifiedDateTime"), stamp(p.modified));
    }
    if (!p.users.isEmpty()) {
        w.writeStartElement(QStringLiteral("Users"));
        for (const User &u : p.users) {
            w.writeEmptyElement(QStringLiteral("User"));
            w.writeAttribute(QStringLiteral("guid"), u.guid);
            o.attr(QStringLiteral("name"), u.name);
        }
        w.writeEndElement();
    }
    if (!p.codes.isEmpty()) {
        w.writeStartElement(QStringLiteral("CodeBook"));
        w.writeStartElement(QStringLiteral("Codes"));
        for (const Code &c : p.codes)
            o.code(c, true);
        w.writeEndElement();
        w.writeEndElement();
    }
    if (!p.variables.isEmpty()) {
        w.writeStartElement(QStringLiteral("Variables"));
        for (const Variable &v : p.variables) {
            w.writeStartElement(QStringLiteral("Variable"));
            w.writeAttribute(QStringLiteral("guid"), v.guid);
            w.writeAttribute(QStringLiteral("name"), v.name);
            w.writeAttribute(QStringLiteral("typeOfVariable"), variableTypeName(v.type));
            o.text(QStringLiteral("Description"), v.description);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    if (!p.cases.isEmpty()) {
        w.writeStartElement(QStringLiteral("Cases"));
        for (const Case &c : p.cases) {
            w.writeStartElement(QStringLiteral("Case"));
            w.writeAttribute(QStringLiteral("guid"), c.guid);
            o.attr(QStringLiteral("name"), c.name);
            o.text(QStringLiteral("Description"), c.description);
            for (const VariableValue &v : c.variables)
                o.variableValue(v);
            o.refs(QStringLiteral("SourceRef"), c.sourceGuids);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    if (!p.sources.isEmpty()) {
        w.writeStartElement(QStringLiteral("Sources"));
        for (const Source &s : p.sources) {
            if (s.kind != SourceKind::Text)
                continue; // Gloss holds text only
            w.writeStartElement(QStringLiteral("TextSource"));
            w.writeAttribute(QStringLiteral("guid"), s.guid);
            o.attr(QStringLiteral("name"), s.name);
            o.attr(QStringLiteral("plainTextPath"), s.hasInlineText ? QString() : s.plainTextPath);
            o.stamps(s.creatingUser, s.created, s.modified);
            o.text(QStringLiteral("Description"), s.description);
            if (s.hasInlineText)
                w.writeTextElement(QStringLiteral("PlainTextContent"), s.inlineText);
            for (const Selection &sel : s.selections)
                o.selection(sel);
            o.refs(QStringLiteral("NoteRef"), s.noteGuids);
            for (const VariableValue &v : s.variables)
                o.variableValue(v);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    if (!p.notes.isEmpty()) {
        w.writeStartElement(QStringLiteral("Notes"));
        for (const Note &n : p.notes) {
            w.writeStartElement(QStringLiteral("Note"));
            w.writeAttribute(QStringLiteral("guid"), n.guid);
            o.attr(QStringLiteral("name"), n.name);
            o.stamps(n.creatingUser, n.created);
            w.writeTextElement(QStringLiteral("PlainTextContent"), n.text);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    if (!p.sets.isEmpty()) {
        w.writeStartElement(QStringLiteral("Sets"));
        for (const Set &s : p.sets) {
            w.writeStartElement(QStringLiteral("Set"));
            w.writeAttribute(QStringLiteral("guid"), s.guid);
            w.writeAttribute(QStringLiteral("name"), s.name);
            o.text(QStringLiteral("Description"), s.description);
            o.refs(QStringLiteral("MemberCode"), s.codeGuids);
            o.refs(QStringLiteral("MemberSource"), s.sourceGuids);
            o.refs(QStringLiteral("MemberNote"), s.noteGuids);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    o.text(QStringLiteral("Description"), p.description);
    o.refs(QStringLiteral("NoteRef"), p.noteGuids);
    w.writeEndElement();
    w.writeEndDocument();
    return bytes;
}

QByteArray writeCodebookXml(const QList<Code> &codes, const QList<Set> &sets, const QString &origin)
{
    QByteArray bytes;
    Out o(&bytes);
    QXmlStreamWriter &w = o.w;
    w.writeStartDocument();
    w.writeDefaultNamespace(CodebookNamespace);
    w.writeStartElement(CodebookNamespace, QStringLiteral("CodeBook"));
    o.attr(QStringLiteral("origin"), origin);
    w.writeStartElement(QStringLiteral("Codes"));
    for (const Code &c : codes)
        o.code(c, false);
    w.writeEndElement();
    if (!sets.isEmpty()) {
        w.writeStartElement(QStringLiteral("Sets"));
        for (const Set &s : sets) {
            w.writeStartElement(QStringLiteral("Set"));
            w.writeAttribute(QStringLiteral("guid"), s.guid);
            w.writeAttribute(QStringLiteral("name"), s.name);
            o.text(QStringLiteral("Description"), s.description);
            for (const QString &g : s.codeGuids) {
                w.writeEmptyElement(QStringLiteral("MemberCode"));
                w.writeAttribute(QStringLiteral("guid"), g);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return bytes;
}

} // namespace gloss::interchange::refi
