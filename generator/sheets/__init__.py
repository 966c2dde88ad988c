"""Spreadsheet tables: the sheets of portefoelje.xlsx, shared by the export and the import."""
