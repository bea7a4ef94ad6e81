package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"byline/articles"
	"byline/articles/party"
)

// PaneGroups are the pane's group headings in order; parties named only in
// captions, credits and boilerplate go to the last.
var PaneGroups = [...]string{"People", "Organisations", "Countries", "Places", "Credits"}

func paneGroup(p articles.Party) int {
	if p.CreditOnly {
		return 4
	}
	switch p.Kind {
	case party.Person:
		return 0
	case party.Organization:
		return 1
	case party.Country:
		return 2
	case party.Place:
		return 3
	}
	return 1
}

// PaneOrder returns the indexes into a.Parties in the order the pane lists
// them: grouped as PaneGroups, by salience within a group. The cursor moves
// in this order.
func PaneOrder(a *articles.Article) []int {
	var byGroup [len(PaneGroups)][]int
	for i, p := range a.Parties {
		g := paneGroup(p)
		byGroup[g] = append(byGroup[g], i)
	}
	order := make([]int, 0, len(a.Parties))
	for _, g := range byGroup {
		order = append(order, g...)
	}
	return order
}

// PaneState is what the pane shows besides the article's parties.
type PaneState struct {
	Cursor  int  // index into Article.Parties of the party under the cursor; -1 for none
	Target  int  // index into Article.Parties of the jump-target party; -1 for none
	Focused bool // the pane has the keyboard: the cursor is drawn
}

// Pane renders the side pane in exactly width × height cells (nothing when
// either is below 1): the parties grouped by kind with their mention counts
// and "quoted N×" for those quoted, the target party marked, and the cursor
// when focused. It scrolls to keep the cursor in view.
func Pane(s Styles, a *articles.Article, st PaneState, width, height int) string {
	if width < 1 || height < 1 {
		return ""
	}
	inner := width - s.Pane.GetHorizontalFrameSize()
	h := height - s.Pane.GetVerticalFrameSize()
	if inner < 1 || h < 1 {
		return strings.Repeat(strings.Repeat(" ", width)+"\n", height-1) + strings.Repeat(" ", width)
	}
	// First the layout, which is cheap, then the styles only for the lines
	// in the window: an article with hundreds of parties must not style
	// them all on every cursor move.
	type paneLine struct {
		kind  int // lineBlank, lineTitle, lineItem or lineQuoted
		index int // the group (lineTitle) or party (lineItem, lineQuoted)
	}
	const (
		lineBlank = iota
		lineTitle
		lineItem
		lineQuoted
	)
	var layout []paneLine
	cursorLine := 0
	lastGroup := -1
	for _, i := range PaneOrder(a) {
		p := a.Parties[i]
		if g := paneGroup(p); g != lastGroup {
			if lastGroup >= 0 {
				layout = append(layout, paneLine{lineBlank, 0})
			}
			layout = append(layout, paneLine{lineTitle, g})
			lastGroup = g
		}
		if st.Focused && i == st.Cursor {
			cursorLine = len(layout)
		}
		layout = append(layout, paneLine{lineItem, i})
		if p.Quoted > 0 {
			layout = append(layout, paneLine{lineQuoted, i})
		}
	}
	top := 0
	if len(layout) > h {
		top = cursorLine - h/2
		top = max(0, min(top, len(layout)-h))
	}
	var lines []string
	for _, l := range layout[top:min(len(layout), top+h)] {
		switch l.kind {
		case lineBlank:
			lines = append(lines, "")
		case lineTitle:
			lines = append(lines, s.PaneTitle.Render(Fit(PaneGroups[l.index], inner)))
		case lineItem:
			lines = append(lines, paneItem(s, a.Parties[l.index], l.index, st, inner))
		case lineQuoted:
			lines = append(lines, s.PaneCount.Render(Fit(fmt.Sprintf("    quoted %d×", a.Parties[l.index].Quoted), inner)))
		}
	}
	if len(layout) == 0 {
		lines = append(lines, s.Dim.Render(Fit("No named parties", inner)))
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", max(0, inner-ansi.StringWidth(l)))
	}
	return s.Pane.Render(strings.Join(lines, "\n"))
}

// paneItem renders the line of party i: its mark (the cursor, or the jump
// target), its name and its count of mentions, in inner cells.
func paneItem(s Styles, p articles.Party, i int, st PaneState, inner int) string {
	mark := "  "
	switch {
	case st.Focused && i == st.Cursor:
		mark = "› "
	case i == st.Target:
		mark = "● "
	}
	count := fmt.Sprint(len(p.Mentions))
	mw := ansi.StringWidth(mark)
	name := Fit(Flat(p.Name), max(inner-mw-len(count)-1, 0))
	gap := inner - mw - ansi.StringWidth(name) - len(count)
	if gap < 0 {
		count = ""
		gap = inner - mw - ansi.StringWidth(name)
	}
	if st.Focused && i == st.Cursor {
		return Fit(s.PaneSelected.Render(mark+name+strings.Repeat(" ", max(gap, 0))+count), inner)
	}
	item := s.PaneItem
	if i == st.Target {
		item = s.PaneTarget
	}
	return Fit(mark+item.Render(name)+strings.Repeat(" ", max(gap, 0))+s.PaneCount.Render(count), inner)
}
