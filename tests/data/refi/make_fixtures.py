#!/usr/bin/env python3
"""Writes the REFI-QDA fixtures of tests/core/test_refiqda.cpp (checked in; run again after a change).

Each imitates a habit of one tool, as the REFI-QDA 1.5 specification and the public sample projects
show it: MAXQDA (upper-case GUIDs, sources as internal:// files, CRLF line ends, document
variables on the source), NVivo (GUIDs in braces, cases holding the variables, notes with NoteRefs,
codings by two users on one selection), ATLAS.ti (flat "A::B" code names, selection comments in
<Description>, picture and PDF sources), QualCoder (lower-case GUIDs, PlainTextContent inline, a
byte order mark in a source, links). Positions are Python string indices: Unicode code points,
the end exclusive. The bad inputs are for the refusals.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'urn:QDA-XML:project:1.0'
STAMP = (2024, 1, 2, 3, 4, 5)


def write_zip(name, entries):
    with zipfile.ZipFile(os.path.join(HERE, name), 'w', zipfile.ZIP_DEFLATED) as z:
        for entry, data in entries:
            info = zipfile.ZipInfo(entry, STAMP)  # the name kept exactly, "../" and "/" included
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data if isinstance(data, bytes) else data.encode('utf-8'))


def sel(text, quote, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


# ---- MAXQDA ----
maxqda_text = 'Interview with the mayor.\r\nShe said: "The budget is balanced."\r\nThe council disagreed.'
s1, e1 = sel(maxqda_text.replace('\r\n', '\n'), 'The budget is balanced.')
# MAXQDA counts in the file as written (CRLF): positions over the raw text
s1, e1 = sel(maxqda_text, 'The budget is balanced.')
s2, e2 = sel(maxqda_text, 'The council disagreed.')  # at the very end of the source
maxqda = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Budget study" origin="MAXQDA 2022 (Release 22.0.1)" creatingUserGUID="8E0C1F4E-5A34-4B2A-9C8F-2E0A3D1B7C11">
  <Users><User guid="8E0C1F4E-5A34-4B2A-9C8F-2E0A3D1B7C11" name="Anna"/></Users>
  <CodeBook><Codes>
    <Code guid="0A1B2C3D-0000-4000-8000-000000000001" name="Economy" isCodable="true" color="#FF0000">
      <Description>Money matters</Description>
      <Code guid="0A1B2C3D-0000-4000-8000-000000000002" name="Budget" isCodable="true" color="#0F0"/>
    </Code>
    <Code guid="0A1B2C3D-0000-4000-8000-000000000003" name="Conflict" isCodable="true" color="#0000FF"/>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="0A1B2C3D-0000-4000-8000-0000000000A1" name="Published" typeOfVariable="Date"/>
    <Variable guid="0A1B2C3D-0000-4000-8000-0000000000A2" name="Region" typeOfVariable="Text"/>
  </Variables>
  <Sources>
    <TextSource guid="5F3E1D2C-1111-4222-8333-444455556666" name="Mayor interview.txt" plainTextPath="internal://5F3E1D2C-1111-4222-8333-444455556666.txt" creatingUser="8E0C1F4E-5A34-4B2A-9C8F-2E0A3D1B7C11" creationDateTime="2024-01-02T10:00:00Z">
      <PlainTextSelection guid="6A000000-0000-4000-8000-000000000001" name="The budget is balanced." startPosition="{s1}" endPosition="{e1}" creatingUser="8E0C1F4E-5A34-4B2A-9C8F-2E0A3D1B7C11" creationDateTime="2024-01-03T09:00:00Z">
        <Description>Key claim</Description>
        <Coding guid="6B000000-0000-4000-8000-000000000001" creatingUser="8E0C1F4E-5A34-4B2A-9C8F-2E0A3D1B7C11"><CodeRef targetGUID="0A1B2C3D-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="6A000000-0000-4000-8000-000000000002" startPosition="{s2}" endPosition="{e2}" creatingUser="8E0C1F4E-5A34-4B2A-9C8F-2E0A3D1B7C11">
        <Coding guid="6B000000-0000-4000-8000-000000000002"><CodeRef targetGUID="0A1B2C3D-0000-4000-8000-000000000003"/></Coding>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="0A1B2C3D-0000-4000-8000-0000000000A1"/><DateValue>2023-05-17</DateValue></VariableValue>
      <VariableValue><VariableRef targetGUID="0A1B2C3D-0000-4000-8000-0000000000A2"/><TextValue>North</TextValue></VariableValue>
    </TextSource>
  </Sources>
</Project>
'''
write_zip('maxqda.qdpx', [('project.qde', maxqda),
                          ('sources/5F3E1D2C-1111-4222-8333-444455556666.TXT', maxqda_text)])

# ---- NVivo ----
nvivo_text = 'Café owners in Zürich fear the new tax. 🙂 Critics call it unfair.'
s1, e1 = sel(nvivo_text, 'fear the new tax')
s2, e2 = sel(nvivo_text, 'Critics call it unfair')
nvivo = f'''<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project xmlns="{NS}" name="Tax" origin="NVivo 14">
  <Users>
    <User guid="{{a1a1a1a1-0000-4000-8000-000000000001}}" name="Ben"/>
    <User guid="{{a1a1a1a1-0000-4000-8000-000000000002}}" name="Chloé"/>
  </Users>
  <CodeBook><Codes>
    <Code guid="{{c0de0000-0000-4000-8000-000000000001}}" name="Fear" isCodable="true"/>
    <Code guid="{{c0de0000-0000-4000-8000-000000000002}}" name="Criticism" isCodable="true" color="#123456"/>
  </Codes></CodeBook>
  <Variables><Variable guid="{{7a7a7a7a-0000-4000-8000-000000000001}}" name="Outlet" typeOfVariable="Text"/></Variables>
  <Cases>
    <Case guid="{{cafe0000-0000-4000-8000-000000000001}}" name="Zürich piece">
      <VariableValue><VariableRef targetGUID="{{7a7a7a7a-0000-4000-8000-000000000001}}"/><TextValue>Tages-Anzeiger</TextValue></VariableValue>
      <SourceRef targetGUID="{{50c0e000-0000-4000-8000-000000000001}}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="{{50c0e000-0000-4000-8000-000000000001}}" name="Zürich tax" plainTextPath="internal://{{50c0e000-0000-4000-8000-000000000001}}.txt">
      <PlainTextSelection guid="{{5e1e0000-0000-4000-8000-000000000001}}" startPosition="{s1}" endPosition="{e1}">
        <Coding guid="{{c0d10000-0000-4000-8000-000000000001}}" creatingUser="{{a1a1a1a1-0000-4000-8000-000000000001}}"><CodeRef targetGUID="{{c0de0000-0000-4000-8000-000000000001}}"/></Coding>
        <Coding guid="{{c0d10000-0000-4000-8000-000000000002}}" creatingUser="{{a1a1a1a1-0000-4000-8000-000000000002}}"><CodeRef targetGUID="{{c0de0000-0000-4000-8000-000000000001}}"/></Coding>
        <NoteRef targetGUID="{{40e40000-0000-4000-8000-000000000001}}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="{{5e1e0000-0000-4000-8000-000000000002}}" startPosition="{s2}" endPosition="{e2}" creatingUser="{{a1a1a1a1-0000-4000-8000-000000000002}}">
        <Coding guid="{{c0d10000-0000-4000-8000-000000000003}}"><CodeRef targetGUID="{{c0de0000-0000-4000-8000-000000000002}}"/></Coding>
      </PlainTextSelection>
      <NoteRef targetGUID="{{40e40000-0000-4000-8000-000000000002}}"/>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="{{40e40000-0000-4000-8000-000000000001}}" name="Memo"><PlainTextContent>Both coders agree.</PlainTextContent></Note>
    <Note guid="{{40e40000-0000-4000-8000-000000000002}}" name="Source memo"><PlainTextContent>From the print edition.</PlainTextContent></Note>
  </Notes>
  <Sets><Set guid="{{5e700000-0000-4000-8000-000000000001}}" name="Swiss press"><MemberSource targetGUID="{{50c0e000-0000-4000-8000-000000000001}}"/></Set></Sets>
</Project>
'''
write_zip('nvivo.qdpx', [('project.qde', nvivo),
                         ('sources/{50c0e000-0000-4000-8000-000000000001}.txt', nvivo_text)])

# ---- ATLAS.ti ----
atlas_text = 'I have Coke for breakfast. Diet Coke, of course — naïve, I know.'
s1, e1 = sel(atlas_text, 'Diet Coke')
atlas = f'''<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="ATLAS.ti 8.4.0" name="ATLAS.ti standard project" basePath="/Users/x/Exports">
  <Users><User guid="AD68FBE7-E1EE-4A82-A279-23CC698C89EB" name="Friedrich Markgraf"/></Users>
  <CodeBook><Codes>
    <Code color="#966450" isCodable="true" name="Coke::diet Coke" guid="D299EFAE-5779-46DC-9827-A3D1A5D544BC"><Description>non sucré</Description></Code>
    <Code color="#F00082" isCodable="true" name="&quot;rushed&quot;" guid="9F43FE32-C2CB-4BA8-B766-A0734C826E49"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource plainTextPath="internal://88293C71-CB70-4AB7-8413-C24110A19C2E.txt" richTextPath="internal://9CA38EEA-26FC-4D67-BB7F-45D097991D86.docx" guid="17FB9CB8-7858-4291-A162-65424B9942EC" name="Mabêl 2ième.txt" creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB">
      <PlainTextSelection startPosition="{s1}" endPosition="{e1}" guid="4191294A-E287-4510-95B0-69BCE4638E56" name="Diet Coke" creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB" creationDateTime="2018-03-27T19:29:27Z" modifiedDateTime="2018-03-27T19:30:00Z">
        <Description>Mabel is not the only one</Description>
        <Coding creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB" creationDateTime="2018-03-27T19:29:27Z" guid="445A6AEC-1400-4502-919D-0867832FF211"><CodeRef targetGUID="D299EFAE-5779-46DC-9827-A3D1A5D544BC"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource path="internal://87EAD86F-3112-4537-8A01-01427CAE1C6D.jpg" guid="02255470-09E6-400B-9E20-97D71FBEC65D" name="cornflakes-n-milk.jpg">
      <PictureSelection guid="02255470-09E6-400B-9E20-97D71FBEC65E" firstX="1" firstY="2" secondX="30" secondY="40"/>
    </PictureSource>
    <PDFSource path="internal://484934BD-97FF-4F8C-9690-B9E77A9092B5.pdf" guid="03F134F1-AB05-46E6-8F29-4C3E3AF0C3A1" name="Report.pdf">
      <Representation plainTextPath="internal://B09E8D25-66A6-4D7E-A884-3E1A11A40E7C.txt" guid="03F134F1-AB05-46E6-8F29-4C3E3AF0C3A2" name="Report.txt">
        <PlainTextSelection guid="03F134F1-AB05-46E6-8F29-4C3E3AF0C3A3" startPosition="0" endPosition="6"><Coding guid="03F134F1-AB05-46E6-8F29-4C3E3AF0C3A4"><CodeRef targetGUID="9F43FE32-C2CB-4BA8-B766-A0734C826E49"/></Coding></PlainTextSelection>
      </Representation>
    </PDFSource>
    <AudioSource path="absolute:///C:/PROJECT/Sources/talk.m4a" guid="03F134F1-AB05-46E6-8F29-4C3E3AF0C3B1" name="talk.m4a"/>
  </Sources>
</Project>
'''
write_zip('atlasti.qdpx', [('project.qde', atlas),
                           ('sources/88293C71-CB70-4AB7-8413-C24110A19C2E.txt', atlas_text),
                           ('sources/87EAD86F-3112-4537-8A01-01427CAE1C6D.jpg', b'\xff\xd8\xff\xe0 not really a picture'),
                           ('sources/B09E8D25-66A6-4D7E-A884-3E1A11A40E7C.txt', 'Rushed report text.')])

# ---- QualCoder ----
qc_text = 'Ölpreise steigen: 🚀🚀 sagt die Analystin. Ende'
s1, e1 = sel(qc_text, '🚀🚀')
s2, e2 = sel(qc_text, 'Ende')  # the very end
qualcoder = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="qualcoder-project" origin="QualCoder 3.4" creationDateTime="2023-11-01T12:00:00Z">
  <Users><User guid="0e0f0a0b-0c0d-4e0f-8a0b-0c0d0e0f0a0b" name="default"/></Users>
  <CodeBook><Codes>
    <Code guid="c0c0c0c0-0000-4000-8000-000000000001" name="hype" isCodable="true" color="#AABBCC"/>
    <Code guid="c0c0c0c0-0000-4000-8000-000000000002" name="closing" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="50505050-0000-4000-8000-000000000001" name="oil.txt" creatingUser="0e0f0a0b-0c0d-4e0f-8a0b-0c0d0e0f0a0b">
      <PlainTextContent>{esc(qc_text)}</PlainTextContent>
      <PlainTextSelection guid="5e5e5e5e-0000-4000-8000-000000000001" startPosition="{s1}" endPosition="{e1}" creatingUser="0e0f0a0b-0c0d-4e0f-8a0b-0c0d0e0f0a0b">
        <Coding guid="5f5f5f5f-0000-4000-8000-000000000001" creatingUser="0e0f0a0b-0c0d-4e0f-8a0b-0c0d0e0f0a0b"><CodeRef targetGUID="c0c0c0c0-0000-4000-8000-000000000001"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="5e5e5e5e-0000-4000-8000-000000000002" startPosition="{s2}" endPosition="{e2}" creatingUser="0e0f0a0b-0c0d-4e0f-8a0b-0c0d0e0f0a0b">
        <Coding guid="5f5f5f5f-0000-4000-8000-000000000002" creatingUser="0e0f0a0b-0c0d-4e0f-8a0b-0c0d0e0f0a0b"><CodeRef targetGUID="c0c0c0c0-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="50505050-0000-4000-8000-000000000002" name="bom.txt" plainTextPath="internal://50505050-0000-4000-8000-000000000002.txt">
      <PlainTextSelection guid="5e5e5e5e-0000-4000-8000-000000000003" startPosition="0" endPosition="5">
        <Coding guid="5f5f5f5f-0000-4000-8000-000000000003"><CodeRef targetGUID="c0c0c0c0-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Links><Link guid="11111111-0000-4000-8000-000000000001" name="relates" originGUID="c0c0c0c0-0000-4000-8000-000000000001" targetGUID="c0c0c0c0-0000-4000-8000-000000000002"/></Links>
</Project>
'''
write_zip('qualcoder.qdpx', [('project.qde', qualcoder),
                             ('sources/50505050-0000-4000-8000-000000000002.txt', '\ufeffFirst words after a BOM.'.encode('utf-8'))])

# ---- an empty project ----
write_zip('empty.qdpx', [('project.qde', f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{NS}" name="empty"/>\n')])

# ---- one selection past its source's end, one inside ----
beyond = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="beyond">
  <CodeBook><Codes><Code guid="c0c0c0c0-0000-4000-8000-0000000000b1" name="ok" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="50505050-0000-4000-8000-0000000000b1" name="short">
    <PlainTextContent>Short text.</PlainTextContent>
    <PlainTextSelection guid="5e5e5e5e-0000-4000-8000-0000000000b1" startPosition="0" endPosition="5"><Coding guid="5f5f5f5f-0000-4000-8000-0000000000b1"><CodeRef targetGUID="c0c0c0c0-0000-4000-8000-0000000000b1"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="5e5e5e5e-0000-4000-8000-0000000000b2" startPosition="6" endPosition="500"><Coding guid="5f5f5f5f-0000-4000-8000-0000000000b2"><CodeRef targetGUID="c0c0c0c0-0000-4000-8000-0000000000b1"/></Coding></PlainTextSelection>
  </TextSource></Sources>
</Project>
'''
write_zip('beyond-end.qdpx', [('project.qde', beyond)])

# ---- refusals ----
with open(os.path.join(HERE, 'not-a-zip.qdpx'), 'w') as f:
    f.write('This is a text file with a .qdpx name.\n')
write_zip('no-project.qdpx', [('sources/a.txt', 'text')])
write_zip('bad-xml.qdpx', [('project.qde', f'<?xml version="1.0"?>\n<Project xmlns="{NS}" name="x"><Sources><TextSource guid=')])
one_source = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="evil"><Sources><TextSource guid="50505050-0000-4000-8000-0000000000e1" name="evil" plainTextPath="PATH"/></Sources></Project>
'''
write_zip('dotdot-entry.qdpx', [('project.qde', one_source.replace('PATH', 'internal://a.txt')), ('../evil.txt', 'x')])
write_zip('absolute-entry.qdpx', [('project.qde', one_source.replace('PATH', 'internal://a.txt')), ('/tmp/evil.txt', 'x')])
write_zip('dotdot-path.qdpx', [('project.qde', one_source.replace('PATH', 'internal://../../etc/passwd')), ('sources/a.txt', 'x')])
write_zip('absolute-path.qdpx', [('project.qde', one_source.replace('PATH', '/etc/passwd'))])
# 80 MiB of zeros in one source (the limit is 64 MiB): about 80 KB packed.
write_zip('bomb.qdpx', [('project.qde', one_source.replace('PATH', 'internal://a.txt')),
                        ('sources/a.txt', b'\0' * (80 * 1024 * 1024))])
