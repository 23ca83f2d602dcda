"""Reading the Word and Excel files boards already keep, for `make import`.

docx.py / xlsx.py turn a file into a `Document` of headings, paragraphs and tables (cells keep
their shading, struck-through words and paragraphs); mapper.py turns that into a plan dict;
yaml_out.py writes it; report.py says what was read and every cell that was not placed.
"""
