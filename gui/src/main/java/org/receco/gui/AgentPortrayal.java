package org.receco.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimplePortrayal2D;
import sim.util.Double2D;

/**
 * How the display draws the latent space's agents, coloured by topic: users as filled circles, live items as
 * small translucent squares, authors as large outlined diamonds, and tracked users' trails as lines. Sizes are
 * in field units (the display's zoom scales them) with a minimum in pixels. Users and authors open a
 * {@link TableInspector} (parameters plus their slate or items) when clicked; items the standard inspector.
 */
final class AgentPortrayal extends SimplePortrayal2D {
    private static final long serialVersionUID = 1L;

    enum Kind { USER, ITEM, AUTHOR, TRAIL }

    private static final BasicStroke OUTLINE = new BasicStroke(1f);
    private static final BasicStroke SELECTED = new BasicStroke(2.5f);
    private static final BasicStroke TRAIL = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final Kind kind;

    AgentPortrayal(Kind kind) {
        this.kind = kind;
    }

    private double size(DrawInfo2D info) {
        double units;
        double minPx;
        switch (kind) {
            case USER -> {
                units = 0.9;
                minPx = 4;
            }
            case ITEM -> {
                units = 0.6;
                minPx = 3;
            }
            case AUTHOR -> {
                units = 2.0;
                minPx = 9;
            }
            default -> {
                units = 1.0;
                minPx = 1;
            }
        }
        return Math.max(minPx, units * info.draw.width);
    }

    private Shape shape(DrawInfo2D info) {
        double s = size(info);
        double x = info.draw.x;
        double y = info.draw.y;
        return switch (kind) {
            case USER -> new Ellipse2D.Double(x - s / 2, y - s / 2, s, s);
            case ITEM -> new Rectangle2D.Double(x - s / 2, y - s / 2, s, s);
            default -> {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x, y - s / 2);
                p.lineTo(x + s / 2, y);
                p.lineTo(x, y + s / 2);
                p.lineTo(x - s / 2, y);
                p.closePath();
                yield p;
            }
        };
    }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        if (object instanceof SpaceView.Trail t) {
            drawTrail(t, g, info);
            return;
        }
        Shape s = shape(info);
        switch (kind) {
            case USER -> {
                UserAgent u = (UserAgent) object;
                g.setPaint(TopicPalette.of(u.getTopicNow()));
                g.fill(s);
            }
            case ITEM -> {
                g.setPaint(TopicPalette.item(((ItemAgent) object).topic()));
                g.fill(s);
            }
            default -> {
                AuthorAgent a = (AuthorAgent) object;
                g.setPaint(TopicPalette.of(a.getTopic()));
                g.fill(s);
                g.setPaint(Color.BLACK);
                g.setStroke(OUTLINE);
                g.draw(s);
            }
        }
        if (info.selected) {
            double r = size(info) * 1.2 + 6;
            g.setPaint(Color.BLACK);
            g.setStroke(SELECTED);
            g.draw(new Ellipse2D.Double(info.draw.x - r / 2, info.draw.y - r / 2, r, r));
        }
    }

    private static void drawTrail(SpaceView.Trail t, Graphics2D g, DrawInfo2D info) {
        List<Double2D> pts = t.points;
        if (pts.size() < 2) {
            return;
        }
        Double2D now = pts.get(pts.size() - 1);
        Path2D.Double path = new Path2D.Double();
        for (int k = 0; k < pts.size(); k++) {
            Double2D p = pts.get(k);
            double x = info.draw.x + (p.x - now.x) * info.draw.width;
            double y = info.draw.y + (p.y - now.y) * info.draw.height;
            if (k == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setPaint(new Color(0, 0, 0, 170));
        g.setStroke(TRAIL);
        g.draw(path);
    }

    @Override
    public boolean hitObject(Object object, DrawInfo2D range) {
        if (kind == Kind.TRAIL) {
            return false;
        }
        return shape(range).intersects(range.clip.x, range.clip.y, range.clip.width, range.clip.height);
    }

    @Override
    public Inspector getInspector(LocationWrapper wrapper, GUIState state) {
        Object o = wrapper.getObject();
        if (o instanceof UserAgent u) {
            return new TableInspector(u, state, u.toString(), "Latest slate", UserAgent.SLATE_COLUMNS, u::slateRows,
                    u.isLlm() ? u::llmText : null);
        }
        if (o instanceof AuthorAgent a) {
            return new TableInspector(a, state, a.toString(), "Live items", AuthorAgent.ITEM_COLUMNS, a::itemRows);
        }
        return super.getInspector(wrapper, state);
    }

    @Override
    public String getName(LocationWrapper wrapper) {
        return String.valueOf(wrapper.getObject());
    }
}
