import CLibXML2
import Mustache
