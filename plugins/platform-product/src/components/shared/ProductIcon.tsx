import WidgetsIcon from '@material-ui/icons/Widgets';

/** The icon of a platform product, used wherever a product is listed. */
export const ProductIcon = WidgetsIcon;
