"""Bad files end in one clear sentence: damaged, not a workbook, protected, hostile or absurd."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import DefusedXmlException

from actionplan.excel.errors import WorkbookError
from actionplan.excel.opening import safety, shared_text, xml_scan
from actionplan.excel.read.reader import read_workbook
from tests.excel.import_books import TRACKER_SAMPLE, book, entity_bomb, replace_part, tracker
from tests.hostile.hostile_files import long_plan, shared_string_bomb

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refusal(path: Path) -> str:
    """The one sentence the importer gives for a file."""
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    assert path.name in message or "--map" in message
    return message


def test_truncated_workbook_is_damaged(tmp_path: Path) -> None:
    """Half a real workbook says it is damaged or incomplete."""
    data = TRACKER_SAMPLE.read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "'half.xlsx' is damaged or incomplete" in refusal(path)


def test_corrupt_member_is_damaged(tmp_path: Path) -> None:
    """A workbook whose sheet's compressed bytes are garbled says it is damaged."""
    data = bytearray(TRACKER_SAMPLE.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + 40
    data[start : start + 200] = bytes(200)
    path = tmp_path / "garbled.xlsx"
    path.write_bytes(bytes(data))
    assert "'garbled.xlsx' is damaged" in refusal(path)


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    """Plain text with an Excel name is told to be renamed (if CSV) or saved as .xlsx."""
    path = tmp_path / "plan.xlsx"
    path.write_text("Action,Lead\nRelaunch,Health\n")
    assert refusal(path).startswith("'plan.xlsx' is not an Excel workbook: it holds plain text")


def test_web_page_named_xls(tmp_path: Path) -> None:
    """An HTML table saved as .xls is recognised as a web page."""
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>Action</td></tr></table></body></html>")
    assert "is a web page saved with a spreadsheet name" in refusal(path)


def test_password_protected_workbook(tmp_path: Path) -> None:
    """An encrypted .xlsx (an OLE file with an EncryptedPackage) asks for the password off."""
    path = tmp_path / "secret.xlsx"
    path.write_bytes(OLE + bytes(500) + "EncryptedPackage".encode("utf-16-le") + bytes(500))
    assert refusal(path).startswith("'secret.xlsx' is protected with a password")


def test_ole_file_named_xlsx_without_streams_reads_as_protected(tmp_path: Path) -> None:
    """An OLE file named .xlsx is what Excel writes for a password: said so."""
    path = tmp_path / "locked.xlsx"
    path.write_bytes(OLE + bytes(1024))
    assert "protected with a password" in refusal(path)


def test_old_xls_that_cannot_be_read_says_how_to_save_as_xlsx(tmp_path: Path) -> None:
    """A damaged 97-2003 workbook is named as such, with the way out."""
    path = tmp_path / "old.xls"
    path.write_bytes(OLE + bytes(1024))
    message = refusal(path)
    assert message.startswith("'old.xls' is an old Excel 97-2003 workbook that could not be read")
    assert "save it as an Excel Workbook (.xlsx)" in message


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    """A Word document or any zip is not mistaken for a workbook."""
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert refusal(path) == "'letter.xlsx' is a Word document, not a workbook."


def test_empty_and_missing_files(tmp_path: Path) -> None:
    """An empty file and a missing one each get their sentence."""
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert refusal(empty) == "'empty.xlsx' is empty."
    assert refusal(tmp_path / "gone.xlsx").startswith("There is no file 'gone.xlsx'")


def test_entity_bomb_is_refused_before_any_parser_sees_it(tmp_path: Path) -> None:
    """A DOCTYPE with nested entities in a sheet is refused as unsafe."""
    message = refusal(entity_bomb(tmp_path / "bomb.xlsx"))
    assert "was refused as unsafe" in message and "xl/worksheets/sheet1.xml" in message


def test_openpyxl_with_defusedxml_refuses_the_same_bomb(tmp_path: Path) -> None:
    """The second line of defence: openpyxl parses through defusedxml and refuses it too."""
    path = entity_bomb(tmp_path / "bomb.xlsx")
    with pytest.raises(ValueError) as caught:
        openpyxl.load_workbook(io.BytesIO(path.read_bytes()))  # bytes: openpyxl leaks the file
    assert isinstance(caught.value.__context__, DefusedXmlException)


def test_workbook_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over the limit is refused before it is read, and the limit is stated."""
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "huge.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(2 * 1024 * 1024))
    assert (
        refusal(path) == "'huge.xlsx' is too large to be an action plan (2 MB; the limit is 1 MB)."
    )


def test_sheet_with_too_many_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More rows than a plan could have is refused, stating the limit."""
    monkeypatch.setattr(xml_scan, "MAX_ROWS", 50)
    path = tracker(tmp_path / "long.xlsx", [["x", "P", f"Action {n}"] for n in range(60)])
    assert refusal(path) == (
        "'long.xlsx' is too large to be an action plan: sheet 'Actions' has 61 rows "
        "(the limit is 50 rows a sheet)."
    )


def test_stray_value_far_outside_the_table(tmp_path: Path) -> None:
    """A value typed at XFD1048576 is named, instead of a reader building billions of cells."""
    path = tracker(tmp_path / "stray.xlsx", [["1.1", "Neglect", "Relaunch"]])
    wb = openpyxl.load_workbook(path)
    wb.active["XFD1048576"] = "oops"
    wb.save(path)
    message = refusal(path)
    assert "has a value far outside its table, in cell XFD1048576 of sheet 'Actions'" in message


def test_formatted_but_empty_far_cell_is_harmless(tmp_path: Path) -> None:
    """Only a fill at XFD1048576 (no value) does not stop the import."""
    path = tracker(tmp_path / "styled.xlsx", [["1.1", "Neglect", "Relaunch"]])
    wb = openpyxl.load_workbook(path)
    wb.active["XFD1048576"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFFF0000")
    wb.save(path)
    assert read_workbook(path).plan.action_count == 1


def test_an_empty_far_cell_closed_by_an_end_tag_is_harmless(tmp_path: Path) -> None:
    """Some writers close an empty cell with an end tag, not "/>": still no value."""
    path = tracker(tmp_path / "styled.xlsx", [["1.1", "Neglect", "Relaunch"]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    far = '<row r="1048576"><c r="XFD1048576" s="0" t="n"></c></row></sheetData>'
    replace_part(path, "xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", far))
    assert read_workbook(path).plan.action_count == 1


def test_zip_bomb_ratio_is_refused(tmp_path: Path) -> None:
    """A part that unpacks thousands of times its size is refused."""
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (20 * 1024 * 1024))
    assert "it looks like a zip bomb" in refusal(path)


def test_cell_of_absurd_length(tmp_path: Path) -> None:
    """A cell longer than Excel allows (32,767 characters) is refused, naming sheet and row."""
    # openpyxl cuts text at Excel's limit, so the sheet's XML is written by hand.
    path = tracker(tmp_path / "long.xlsx", [["1.1", "Neglect", "RELAUNCH"]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    replace_part(path, "xl/worksheets/sheet1.xml", sheet.replace("RELAUNCH", "x" * 40_000))
    assert refusal(path) == (
        "'long.xlsx' has a cell of 40,000 characters (sheet 'Actions', row 2, column 3), more "
        "than any spreadsheet cell holds (32,767 characters), so it is not an action plan."
    )


def test_csv_cell_of_absurd_length(tmp_path: Path) -> None:
    """The same limit holds for CSV files, whose reader stops even sooner."""
    path = tmp_path / "long.csv"
    path.write_text("Action,Lead\n" + "y" * 200_000 + ",Police\n")
    assert "more than any spreadsheet cell holds" in refusal(path)


def test_csv_obeys_the_row_limit_of_a_workbook_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV longer than a sheet may be is refused as a sheet is; one at the limit is read."""
    monkeypatch.setattr(xml_scan, "MAX_ROWS", 50)
    rows = "".join(f"1.{n},Action {n},Police\n" for n in range(60))
    (tmp_path / "long.csv").write_text("Ref,Action,Lead\n" + rows)
    assert refusal(tmp_path / "long.csv") == (
        "'long.csv' is too large to be an action plan: sheet 'long' has more than 50 rows "
        "(the limit is 50 rows a sheet)."
    )
    (tmp_path / "full.csv").write_text("Ref,Action,Lead\n" + rows.split("\n", 11)[-1])
    assert read_workbook(tmp_path / "full.csv").plan.action_count == 49


def test_long_text_repeated_in_many_cells_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shared text counts once per cell using it: the copies past the limit refuse the file."""
    monkeypatch.setattr(shared_text, "MAX_TEXT_CHARS", 1_000_000)
    within = shared_string_bomb(tmp_path / "within.xlsx", rows=1, columns=20)
    assert read_workbook(within).plan.action_count == 1
    path = shared_string_bomb(tmp_path / "bomb.xlsx", rows=2, columns=20)
    assert refusal(path) == (
        "'bomb.xlsx' is too large to be an action plan: its cells repeat long texts so often "
        "that it would open as 1,280,016 characters of text (the limit is 1,000,000)."
    )


def test_sheet_holding_more_text_than_the_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text typed into the cells themselves counts against the same limit as shared text."""
    monkeypatch.setattr(shared_text, "MAX_TEXT_CHARS", 100_000)
    assert read_workbook(long_plan(tmp_path / "within.xlsx", rows=100)).plan.action_count == 100
    assert refusal(long_plan(tmp_path / "long.xlsx", rows=200)) == (
        "'long.xlsx' is too large to be an action plan: its cells hold more than 100,000 "
        "characters of text."
    )


def test_map_with_an_unknown_field_lists_the_fields(tmp_path: Path) -> None:
    """--map "Who=boss" names the valid fields."""
    path = book(tmp_path / "plan.xlsx", {"Plan": [["Action", "Who"], ["Relaunch", "Health"]]})
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, ["Who=boss"])
    assert str(caught.value) == (
        "--map 'Who=boss': 'boss' is not a field; use one of priority, aim, outcome, ref, "
        "action, how_we_know, lead, agency, timescale, due_date, status, rag, update, "
        "update_date, done, analysis, impact, next_steps or ignore."
    )
