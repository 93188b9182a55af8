package report_test

import (
	"strings"
	"testing"

	"gongkai/internal/report"
	"gongkai/internal/testdoc"
)

// A DOCX or XLSX with a password to open is a compound file that holds the
// document encrypted (EncryptionInfo, EncryptedPackage): it is said to have
// a password, as a PDF with one is. Before, it was "not a Word document".
// A compound file of neither kind is still not a Word document
// (testdoc.Compound writes both).
func TestEncryptedOfficeFile(t *testing.T) {
	_, err := report.Read("加密.docx", testdoc.Compound(t, testdoc.Stream{Path: "EncryptionInfo", Data: []byte{4, 0, 4, 0}}, testdoc.Stream{Path: "EncryptedPackage", Data: []byte("x")}))
	if err == nil || !strings.Contains(err.Error(), "打开密码") {
		t.Errorf("an encrypted DOCX: %v", err)
	}
	_, err = report.Read("x.doc", testdoc.Compound(t, testdoc.Stream{Path: "Contents", Data: []byte("x")}))
	if err == nil || !strings.Contains(err.Error(), "不是 Word 文档") {
		t.Errorf("a compound file without a document: %v", err)
	}
}
