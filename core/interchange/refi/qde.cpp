#include "interchange/refi/qde.h"

#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace gloss::interchange::refi {

namespace {

constexpr int MaxCodeDepth = 200; // deeper code trees are refused rather than recursed into

QString stamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QDateTime parseStamp(QStringView text)
{
    QDateTime t = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text.toString(), Qt::ISODate);
    return t;
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

QString normalGuid(const QString &text)
{
    static const QRegularExpression form(
        QStringLiteral("^\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\}?$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString derivedGuid(const QUuid &project, const QString &key)
{
    return QUuid::createUuidV5(project, key).toString(QUuid::WithoutBraces);
}

QString variableTypeName(VariableType type)
{
    switch (type) {
    case VariableType::Text:
        return QStringLiteral("Text");
    case VariableType::Boolean:
        return QStringLiteral("Boolean");
    case VariableType::Integer:
        return QStringLiteral("Integer");
    case VariableType::Float:
        return QStringLiteral("Float");
    case VariableType::Date:
        return QStringLiteral("Date");
    case VariableType::DateTime:
        return QStringLiteral("DateTime");
    }
    return QStringLiteral("Text");
}

VariableType variableTypeFromName(const QString &name, bool *ok)
{
    for (const VariableType t : {VariableType::Text, VariableType::Boolean, VariableType::Integer, VariableType::Float,
             VariableType::Date, VariableType::DateTime})
        if (name.compare(variableTypeName(t), Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return t;
        }
    if (ok)
        *ok = false;
    return VariableType::Text;
}

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

// ---- reading ----

namespace {

class In final
{
public:
    explicit In(const QByteArray &xml)
        : r(xml)
    { }
    QXmlStreamReader r;
    QStringList warnings;
    QString failure; // set by fail(): a problem the reader found beyond the XML itself

    QString attr(QStringView name) const
    {
        for (const QXmlStreamAttribute &a : r.attributes())
            if (a.name() == name)
                return a.value().toString();
        return {};
    }
    bool is(QStringView name) const { return r.name() == name; }
    // Reads the text of the current element (which may hold nothing but text).
    QString text() { return r.readElementText(QXmlStreamReader::IncludeChildElements); }
    QString where() const { return QStringLiteral("line %1, column %2").arg(r.lineNumber()).arg(r.columnNumber()); }
    void fail(const QString &why)
    {
        if (failure.isEmpty())
            failure = where() + u": " + why;
        r.raiseError(why);
    }

    // Calls `child` for each child element of the current one, until its end.
    template <typename F> void children(F &&child)
    {
        while (r.readNextStartElement()) {
            child();
            if (r.hasError())
                return;
        }
    }

    QString refTarget() // NoteRef, CodeRef, SourceRef, ...: the targetGUID, then past its end
    {
        QString g = attr(u"targetGUID");
        if (g.isEmpty())
            g = attr(u"guid"); // the codebook's MemberCode
        r.skipCurrentElement();
        return g;
    }

    bool code(Code &c, int depth)
    {
        if (depth > MaxCodeDepth) {
            fail(QStringLiteral("codes nested more than %1 deep").arg(MaxCodeDepth));
            return false;
        }
        c.guid = attr(u"guid");
        c.name = attr(u"name");
        c.color = attr(u"color");
        c.codable = attr(u"isCodable").compare(u"false", Qt::CaseInsensitive) != 0;
        children([&] {
            if (is(u"Description")) {
                c.description = text();
            } else if (is(u"Code")) {
                Code child;
                if (code(child, depth + 1))
                    c.children.append(std::move(child));
            } else {
                r.skipCurrentElement();
            }
        });
        return !r.hasError();
    }
    void codes(QList<Code> &out)
    {
        children([&] {
            if (is(u"Codes")) {
                codes(out);
            } else if (is(u"Code")) {
                Code c;
                if (code(c, 0))
                    out.append(std::move(c));
            } else {
                r.skipCurrentElement();
            }
        });
    }

    VariableValue variableValue()
    {
        VariableValue v;
        children([&] {
            if (is(u"VariableRef")) {
                v.variableGuid = refTarget();
            } else if (r.name().endsWith(u"Value")) {
                bool ok = false;
                v.type = variableTypeFromName(r.name().chopped(5).toString(), &ok);
                v.value = text();
            } else {
                r.skipCurrentElement();
            }
        });
        return v;
    }

    Coding coding()
    {
        Coding c;
        c.guid = attr(u"guid");
        c.creatingUser = attr(u"creatingUser");
        c.created = parseStamp(attr(u"creationDateTime"));
        children([&] {
            if (is(u"CodeRef"))
                c.codeGuid = refTarget();
            else
                r.skipCurrentElement();
        });
        return c;
    }

    bool selection(Selection &s)
    {
        s.guid = attr(u"guid");
        s.name = attr(u"name");
        bool okStart = false;
        bool okEnd = false;
        s.start = attr(u"startPosition").trimmed().toLongLong(&okStart);
        s.end = attr(u"endPosition").trimmed().toLongLong(&okEnd);
        s.creatingUser = attr(u"creatingUser");
        s.created = parseStamp(attr(u"creationDateTime"));
        s.modified = parseStamp(attr(u"modifiedDateTime"));
        const QString at = where();
        children([&] {
            if (is(u"Description"))
                s.description = text();
            else if (is(u"Coding"))
                s.codings.append(coding());
            else if (is(u"NoteRef"))
                s.noteGuids.append(refTarget());
            else
                r.skipCurrentElement();
        });
        if (!okStart || !okEnd) {
            warnings.append(
                QStringLiteral("%1: a selection without whole-number startPosition and endPosition, skipped").arg(at));
            return false;
        }
        return true;
    }

    // A TextSource, a Note (the same type) or a PDF's Representation.
    void textSource(Source &s)
    {
        s.guid = attr(u"guid");
        s.name = attr(u"name");
        s.plainTextPath = attr(u"plainTextPath");
        s.richTextPath = attr(u"richTextPath");
        s.creatingUser = attr(u"creatingUser");
        s.created = parseStamp(attr(u"creationDateTime"));
        s.modified = parseStamp(attr(u"modifiedDateTime"));
        children([&] {
            if (is(u"Description")) {
                s.description = text();
            } else if (is(u"PlainTextContent")) {
                s.hasInlineText = true;
                s.inlineText = text();
            } else if (is(u"PlainTextSelection")) {
                Selection sel;
                if (selection(sel))
                    s.selections.append(std::move(sel));
            } else if (is(u"Coding")) {
                r.skipCurrentElement(); // a coding of the whole source: Gloss codes passages
            } else if (is(u"NoteRef")) {
                s.noteGuids.append(refTarget());
            } else if (is(u"VariableValue")) {
                s.variables.append(variableValue());
            } else {
                r.skipCurrentElement();
            }
        });
    }

    void otherSource(Source &s)
    {
        s.guid = attr(u"guid");
        s.name = attr(u"name");
        s.path = attr(u"path");
        s.creatingUser = attr(u"creatingUser");
        s.created = parseStamp(attr(u"creationDateTime"));
        s.modified = parseStamp(attr(u"modifiedDateTime"));
        children([&] {
            if (is(u"Description")) {
                s.description = text();
            } else if (is(u"Representation")) {
                Source rep;
                textSource(rep);
                s.representationPath = rep.plainTextPath;
                s.hasRepresentationText = rep.hasInlineText;
                s.representationText = rep.inlineText;
                s.selections += rep.selections;
            } else if (is(u"NoteRef")) {
                s.noteGuids.append(refTarget());
            } else if (is(u"VariableValue")) {
                s.variables.append(variableValue());
            } else if (r.name().endsWith(u"Selection")) {
                ++s.otherSelections;
                r.skipCurrentElement();
            } else {
                r.skipCurrentElement();
            }
        });
    }

    void project(Project &p)
    {
        p.name = attr(u"name");
        p.origin = attr(u"origin");
        p.creatingUser = attr(u"creatingUserGUID");
        p.created = parseStamp(attr(u"creationDateTime"));
        p.modified = parseStamp(attr(u"modifiedDateTime"));
        children([&] {
            if (is(u"Users")) {
                children([&] {
                    if (is(u"User"))
                        p.users.append({attr(u"guid"), attr(u"name")});
                    r.skipCurrentElement();
                });
            } else if (is(u"CodeBook")) {
                codes(p.codes);
            } else if (is(u"Variables")) {
                children([&] {
                    if (!is(u"Variable")) {
                        r.skipCurrentElement();
                        return;
                    }
                    Variable v;
                    v.guid = attr(u"guid");
                    v.name = attr(u"name");
                    v.type = variableTypeFromName(attr(u"typeOfVariable"));
                    children([&] {
                        if (is(u"Description"))
                            v.description = text();
                        else
                            r.skipCurrentElement();
                    });
                    p.variables.append(v);
                });
            } else if (is(u"Cases")) {
                children([&] {
                    if (!is(u"Case")) {
                        r.skipCurrentElement();
                        return;
                    }
                    Case c;
                    c.guid = attr(u"guid");
                    c.name = attr(u"name");
                    children([&] {
                        if (is(u"Description"))
                            c.description = text();
                        else if (is(u"VariableValue"))
                            c.variables.append(variableValue());
                        else if (is(u"SourceRef"))
                            c.sourceGuids.append(refTarget());
                        else
                            r.skipCurrentElement();
                    });
                    p.cases.append(c);
                });
            } else if (is(u"Sources")) {
                children([&] {
                    Source s;
                    if (is(u"TextSource")) {
                        s.kind = SourceKind::Text;
                        textSource(s);
                    } else if (is(u"PDFSource")) {
                        s.kind = SourceKind::Pdf;
                        otherSource(s);
                    } else if (is(u"PictureSource")) {
                        s.kind = SourceKind::Picture;
                        otherSource(s);
                    } else if (is(u"AudioSource")) {
                        s.kind = SourceKind::Audio;
                        otherSource(s);
                    } else if (is(u"VideoSource")) {
                        s.kind = SourceKind::Video;
                        otherSource(s);
                    } else {
                        r.skipCurrentElement();
                        return;
                    }
                    p.sources.append(std::move(s));
                });
            } else if (is(u"Notes")) {
                children([&] {
                    if (!is(u"Note")) {
                        r.skipCurrentElement();
                        return;
                    }
                    Source s;
                    textSource(s);
                    Note n;
                    n.guid = s.guid;
                    n.name = s.name;
                    n.hasInlineText = s.hasInlineText;
                    n.text = s.inlineText;
                    n.plainTextPath = s.plainTextPath;
                    n.creatingUser = s.creatingUser;
                    n.created = s.created;
                    p.notes.append(n);
                });
            } else if (is(u"Links")) {
                children([&] {
                    ++p.links;
                    r.skipCurrentElement();
                });
            } else if (is(u"Sets")) {
                children([&] {
                    if (!is(u"Set")) {
                        r.skipCurrentElement();
                        return;
                    }
                    Set s;
                    s.guid = attr(u"guid");
                    s.name = attr(u"name");
                    children([&] {
                        if (is(u"Description"))
                            s.description = text();
                        else if (is(u"MemberCode"))
                            s.codeGuids.append(refTarget());
                        else if (is(u"MemberSource"))
                            s.sourceGuids.append(refTarget());
                        else if (is(u"MemberNote"))
                            s.noteGuids.append(refTarget());
                        else
                            r.skipCurrentElement();
                    });
                    p.sets.append(s);
                });
            } else if (is(u"Graphs")) {
                children([&] {
                    ++p.graphs;
                    r.skipCurrentElement();
                });
            } else if (is(u"Description")) {
                p.description = text();
            } else if (is(u"NoteRef")) {
                p.noteGuids.append(refTarget());
            } else {
                r.skipCurrentElement();
            }
        });
    }

    QString error() const
    {
        if (!failure.isEmpty())
            return failure;
        return QStringLiteral("line %1, column %2: %3").arg(r.lineNumber()).arg(r.columnNumber()).arg(r.errorString());
    }
};

} // namespace

QdeReadResult readProjectXml(const QByteArray &xml)
{
    QdeReadResult result;
    In in(xml);
    if (!in.r.readNextStartElement()) {
        result.error = in.r.hasError() ? in.error() : QStringLiteral("no XML element in it");
        return result;
    }
    if (!in.is(u"Project")) {
        result.error = QStringLiteral("the root element is <%1>, not <Project> (not a QDA-XML project)")
                           .arg(in.r.name().toString());
        return result;
    }
    const QStringView ns = in.r.namespaceUri();
    if (!ns.isEmpty() && ns != ProjectNamespace)
        result.warnings.append(QStringLiteral("the namespace is %1, not %2; read as QDA-XML all the same")
                                   .arg(ns.toString(), ProjectNamespace));
    in.project(result.project);
    while (!in.r.hasError() && !in.r.atEnd())
        in.r.readNext();
    if (in.r.hasError())
        result.error = in.error();
    result.warnings += in.warnings;
    return result;
}

CodebookReadResult readCodebookXml(const QByteArray &xml)
{
    CodebookReadResult result;
    In in(xml);
    if (!in.r.readNextStartElement()) {
        result.error = in.r.hasError() ? in.error() : QStringLiteral("no XML element in it");
        return result;
    }
    if (in.is(u"Project")) {
        QdeReadResult project = readProjectXml(xml);
        result.error = project.error;
        result.codes = project.project.codes;
        return result;
    }
    if (!in.is(u"CodeBook")) {
        result.error = QStringLiteral("the root element is <%1>, not <CodeBook> (not a QDA-XML codebook)")
                           .arg(in.r.name().toString());
        return result;
    }
    in.children([&] {
        if (in.is(u"Codes")) {
            in.codes(result.codes);
        } else if (in.is(u"Sets")) {
            in.children([&] {
                if (!in.is(u"Set")) {
                    in.r.skipCurrentElement();
                    return;
                }
                Set s;
                s.guid = in.attr(u"guid");
                s.name = in.attr(u"name");
                in.children([&] {
                    if (in.is(u"Description"))
                        s.description = in.text();
                    else if (in.is(u"MemberCode"))
                        s.codeGuids.append(in.refTarget());
                    else
                        in.r.skipCurrentElement();
                });
                result.sets.append(s);
            });
        } else {
            in.r.skipCurrentElement();
        }
    });
    while (!in.r.hasError() && !in.r.atEnd())
        in.r.readNext();
    if (in.r.hasError())
        result.error = in.error();
    return result;
}

} // namespace gloss::interchange::refi
