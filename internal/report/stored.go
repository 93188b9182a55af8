package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// storedJSON is the JSON model as MarshalJSON writes it.
type storedJSON struct {
	Agency        *string                               `json:"agency"`
	Year          *int                                  `json:"year"`
	Format        Format                                `json:"format"`
	Level         Level                                 `json:"level"`
	Title         string                                `json:"title"`
	Sections      map[string]string                     `json:"sections"`
	Proactive     map[string]map[string]json.RawMessage `json:"proactive"`
	Proactive2019 map[string]map[string]json.RawMessage `json:"proactive_2019"`
	Applications  json.RawMessage                       `json:"applications"`
	Appeals       map[string]map[string]json.RawMessage `json:"appeals"`
	Findings      json.RawMessage                       `json:"findings"` // recomputed, never read
}

// FromJSON reads a report that MarshalJSON wrote (one the program stored
// itself), with encoding/json: a province's 报告汇总 reads thousands of them,
// and Load, which reads what people write and reports file:line:column for
// every mistake, costs ten times as much. For anything a person wrote, use
// Load; FromJSON refuses what MarshalJSON would not have written.
func FromJSON(data []byte) (*Report, error) { return fromJSON(data, true) }

// FromJSONWithoutT3 is FromJSON leaving 表三 blank, for a caller that fills
// it from the records anyway (the 报告汇总): 表三 is most of the JSON.
func FromJSONWithoutT3(data []byte) (*Report, error) { return fromJSON(data, false) }

func fromJSON(data []byte, t3 bool) (*Report, error) {
	var s storedJSON
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(&s); err != nil {
		return nil, err
	}
	f := s.Format
	if !f.Valid() {
		return nil, fmt.Errorf("format %q", f)
	}
	r := NewReport(f)
	if s.Agency != nil {
		r.Agency = *s.Agency
	}
	if s.Year != nil {
		r.Year = *s.Year
	}
	r.Level, r.Title = s.Level, s.Title
	for k, v := range s.Sections {
		r.Sections[k] = v
	}
	p := s.Proactive
	if f == Format2019 {
		p = s.Proactive2019
	}
	for _, it := range f.T2Items() {
		for i, c := range it.Cells {
			raw, path := p[it.Key][c], it.Key+"."+c
			if len(it.Money) > i && it.Money[i] {
				var text *string
				if err := json.Unmarshal(orNull(raw), &text); err != nil {
					return nil, fmt.Errorf("表二 %s: %w", path, err)
				}
				if text != nil {
					r.Proactive.SetAmount(path, ParseAmount(*text))
				}
				continue
			}
			cell, err := storedCell(raw)
			if err != nil {
				return nil, fmt.Errorf("表二 %s: %w", path, err)
			}
			r.Proactive.Set(path, cell)
		}
	}
	if t3 {
		var apps map[string]json.RawMessage
		if err := json.Unmarshal(orNull(s.Applications), &apps); err != nil {
			return nil, fmt.Errorf("表三: %w", err)
		}
		if err := storedT3(r, apps); err != nil {
			return nil, err
		}
	}
	for i, blk := range T4Blocks {
		for j, c := range T4Columns {
			cell, err := storedCell(s.Appeals[blk.Key][c])
			if err != nil {
				return nil, fmt.Errorf("表四 %s.%s: %w", blk.Key, c, err)
			}
			r.Appeals[i][j] = cell
		}
	}
	return r, nil
}

func storedT3(r *Report, apps map[string]json.RawMessage) error {
	groups := map[string]map[string]json.RawMessage{}
	for _, row := range r.Format.T3Rows() {
		parent, leaf, nested := strings.Cut(row.Key, ".")
		raw := apps[parent]
		if nested {
			g, ok := groups[parent]
			if !ok {
				if err := json.Unmarshal(orNull(apps[parent]), &g); err != nil {
					return fmt.Errorf("表三 %s: %w", parent, err)
				}
				groups[parent] = g
			}
			raw = g[leaf]
		}
		var cells [NumCols]*int64
		if err := json.Unmarshal(orNull(raw), &cells); err != nil {
			return fmt.Errorf("表三 %s: %w", row.Key, err)
		}
		var out Row
		for i, v := range cells {
			if v != nil {
				out[i] = N(*v)
			}
		}
		r.Applications[row.Key] = out
	}
	return nil
}

func storedCell(raw json.RawMessage) (Cell, error) {
	var n *int64
	if err := json.Unmarshal(orNull(raw), &n); err != nil {
		return Cell{}, err
	}
	if n == nil {
		return Cell{}, nil
	}
	return N(*n), nil
}

func orNull(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 {
		return json.RawMessage("null")
	}
	return raw
}
