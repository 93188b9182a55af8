package auditor

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/testdoc"
)

// A RAR archive (WinRAR's, as offices pack the reports they send) is checked
// as its files, on 报告核查 and by gongkai audit: in the archive's order, in
// their folders, a zip in it unpacked, pictures, hidden files and a page's
// saved parts left out. One with nothing to check, one damaged, and one with
// a password say so. Before, a .rar was "not a .zip" (请先解压).
func TestRARArchives(t *testing.T) {
	seed, docx := attachments(t)
	data := testdoc.RAR(t, testdoc.Part{Name: "各单位/", Content: ""},
		testdoc.Part{Name: "各单位/示例局2024年报.docx", Content: string(docx)},
		testdoc.Part{Name: "各单位/卫滨区2024.txt", Content: string(seed)},
		testdoc.Part{Name: "各单位/各县.zip", Content: string(zipOf(t, [2]string{"a/2023.txt", string(seed)}))},
		testdoc.Part{Name: "各单位/logo.png", Content: "\x89PNG"},
		testdoc.Part{Name: "各单位/.DS_Store", Content: "x"},
		testdoc.Part{Name: "各单位/报告_files/x.htm", Content: "<p>x</p>"})
	got, err := Unpack([]Upload{{Name: "报送.rar", Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range got {
		names = append(names, u.Name)
	}
	want := []string{"报送.rar/各单位/示例局2024年报.docx", "报送.rar/各单位/卫滨区2024.txt", "报送.rar/各单位/各县.zip/a/2023.txt"}
	if !slices.Equal(names, want) {
		t.Fatalf("unpacked %q, want %q", names, want)
	}
	if !bytes.Equal(got[0].Data, docx) || !bytes.Equal(got[1].Data, seed) || !bytes.Equal(got[2].Data, seed) {
		t.Errorf("a file's bytes changed")
	}

	// gongkai audit unpacks it the same
	if shown := unzippedAs(t, "报送.rar", data); !slices.Equal(shown, want) {
		t.Errorf("gongkai audit unpacked %q, want %q", shown, want)
	}

	// nothing to check, damaged, a password
	said := func(what string, data []byte, words string) {
		t.Helper()
		outs, err := Unpack([]Upload{{Name: "报送.rar", Data: data}})
		msg := ""
		switch {
		case err != nil:
			msg = err.Error()
		case len(outs) == 1 && outs[0].Err != nil:
			msg = outs[0].Err.Error()
		}
		if !strings.Contains(msg, words) {
			t.Errorf("%s: %q %v, want it said %q", what, msg, outs, words)
		}
	}
	said("pictures only", testdoc.RAR(t, testdoc.Part{Name: "a.png", Content: "x"}), "没有可以核查的文件")
	broken := bytes.Clone(data)
	broken[len(broken)/2] ^= 0xFF // a byte of a stored file: its CRC32 no longer holds
	said("damaged", broken, "已损坏")
	said("not a RAR", []byte("Rar!not really"), "已损坏")
	said("a password", rarEncrypted(), "设有密码")
}

// rarEncrypted is the start of a RAR 5 archive whose headers are encrypted
// (WinRAR's 加密文件名): the archive encryption header after the signature.
func rarEncrypted() []byte {
	fields := []byte{4, 0, 0, 0x01, 15} // type 4, no flags, version 0, password check present, KDF count
	fields = append(fields, make([]byte, 16+12)...)
	h := append([]byte{byte(len(fields))}, fields...)
	return append(append([]byte("Rar!\x1A\x07\x01\x00"), binary.LittleEndian.AppendUint32(nil, crc32.ChecksumIEEE(h))...), h...)
}

func FuzzRAR(f *testing.F) {
	f.Add(testdoc.RAR(f, testdoc.Part{Name: "a/2024.txt", Content: "一、总体情况"}, testdoc.Part{Name: "b.zip", Content: string(zipOf(f, [2]string{"c.txt", "x"}))},
		testdoc.Part{Name: "../d.txt", Content: "x"}))
	f.Add(rarEncrypted())
	// a compressed entry in a solid archive: the fuzzer reaches RAR 5's decoder
	f.Add(testdoc.RARBomb(f, "a/2024.txt", 100, 10, testdoc.Part{Name: "b.txt", Content: "一、总体情况"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		outs, err := Unpack([]Upload{{Name: "包.rar", Data: data}})
		if err == nil {
			withinLimits(t, outs, "包.rar/")
		}
	})
}

// A solid RAR archive decodes each file it holds to reach the next, the
// ones not checked too, and a file's data may decode to far more than its
// header says: a picture stated as 100 bytes whose 137 KB decode to 4.3 GB
// (4 097 bytes a bit) took 8 s before the report after it could be read;
// 1 MB of it, a minute. The bytes an archive decodes are bounded (what the
// check may still take and 512 MB more), and past the bound it is refused
// with why; a solid archive within it is read as before.
func TestRARDecodeBounded(t *testing.T) {
	seed, _ := attachments(t)
	report := testdoc.Part{Name: "卫滨区2024.txt", Content: string(seed)}

	got, err := Unpack([]Upload{{Name: "报送.rar", Data: testdoc.RARBomb(t, "a.png", 100, 10, report)}})
	if err != nil || len(got) != 1 || got[0].Name != "报送.rar/卫滨区2024.txt" || !bytes.Equal(got[0].Data, seed) {
		t.Fatalf("a solid archive of 45 KB decoded: %v %v", got, err)
	}

	_, err = Unpack([]Upload{{Name: "报送.rar", Data: testdoc.RARBomb(t, "a.png", 100, 1<<20, report)}})
	if err == nil || !strings.Contains(err.Error(), "解压后过大") || !strings.Contains(err.Error(), "640 MB") {
		t.Errorf("an archive decoding to 4.3 GB: %v, want it refused as too large past 640 MB", err)
	}
}
