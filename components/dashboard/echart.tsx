"use client";

import ReactEChartsCore from "echarts-for-react/esm/core";
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import type { EChartsCoreOption } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what the charts here draw: ECharts' whole bundle is ~1 MB, these parts ~1/3 of it.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/**
 * An ECharts chart drawn as SVG (sharp at any zoom, text selectable in screenshots), with
 * a label for screen readers; the figures it shows are also in the page as text.
 */
export function EChart({ option, label, height = 240, testId }: { option: EChartsCoreOption; label: string; height?: number; testId?: string }) {
  return (
    <div role="img" aria-label={label} data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge opts={{ renderer: "svg" }} style={{ height, width: "100%" }} />
    </div>
  );
}
