package gopdf

// Buff for pdf content
type Buff struct {
	position int
	datas    []byte
}

// Write : write []byte to buffer
// gongkai: grows once and copies (it appended and copied byte by byte, a
// tenth of a PDF's cost when the font subsets are built)
func (b *Buff) Write(p []byte) (int, error) {
	if need := b.position + len(p); need > len(b.datas) {
		b.datas = append(b.datas, make([]byte, need-len(b.datas))...)
	}
	copy(b.datas[b.position:], p)
	b.position += len(p)
	return 0, nil
}

// Len : len of buffer
func (b *Buff) Len() int {
	return len(b.datas)
}

// Bytes : get bytes
func (b *Buff) Bytes() []byte {
	return b.datas
}

// Position : get current position
func (b *Buff) Position() int {
	return b.position
}

// SetPosition : set current position
func (b *Buff) SetPosition(pos int) {
	b.position = pos
}
