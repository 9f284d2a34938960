#include "import/refi/qdereader.h"

#include <QXmlStreamReader>

namespace gloss::import::refi {

using namespace gloss::model::refi;

namespace {

const QString ProjectNamespace = QStringLiteral("urn:QDA-XML:project:1.0");
constexpr int MaxCodeDepth = 200; // deeper code trees are refused rather than recursed into

QDateTime parseStamp(QStringView text)
{
    QDateTime t = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text.toString(), Qt::ISODate);
    return t;
}

} // namespace

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

} // namespace gloss::import::refi
