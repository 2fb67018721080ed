import { use } from 'echarts/core';
import { TitleComponent } from 'echarts/components';

use([TitleComponent]);
