import { use } from 'echarts/core';
import { LegendComponent } from 'echarts/components';

use([LegendComponent]);
