"""Published documents made from the pages: PDFs, and the files kept between builds."""
